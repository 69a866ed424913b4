namespace DisTok.Core.Concepts;

/// <summary>One of the known concepts the project is built on (a row of concepts.tsv).</summary>
/// <param name="Name">Identifier, e.g. <c>palm_tree</c>.</param>
/// <param name="PromptWord">What a prompt says, e.g. <c>palm tree</c>.</param>
/// <param name="Codepoint">Emoji codepoint(s), upper-case hex joined by '-', e.g. <c>1F334</c>.</param>
/// <param name="UnicodeName">The emoji's Unicode name, e.g. <c>palm tree</c>.</param>
public sealed record Concept(string Name, string PromptWord, string Codepoint, string UnicodeName);
