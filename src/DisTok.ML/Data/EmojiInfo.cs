namespace DisTok.ML.Data;

/// <summary>One emoji as described by emoji-datasource's <c>emoji.json</c>.</summary>
/// <param name="Unified">Codepoints, upper-case hex joined by '-', e.g. <c>1F577-FE0F</c>.</param>
/// <param name="Name">Unicode character name in lower case, e.g. <c>lion face</c>.</param>
/// <param name="ShortNames">Slack-style short names, e.g. <c>lion_face</c>.</param>
public sealed record EmojiInfo(string Unified, string Name, IReadOnlyList<string> ShortNames);
