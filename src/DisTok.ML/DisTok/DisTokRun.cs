using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DisTok.Core.Concepts;

namespace DisTok.ML.DisTok;

/// <summary>Where a training run writes and what its manifest records about its inputs.</summary>
/// <param name="OutDir">Model folder (checkpoints, then the final model).</param>
/// <param name="Command">The command that reproduces the run, from the repository root.</param>
/// <param name="DataHash">Hash of the concept list and text encoder the pool was built from (<see cref="HashOf"/>).</param>
/// <param name="Backbone">The frozen models it trained against (names → sha256), recorded in the manifest.</param>
public sealed record DisTokRun(string OutDir, string Command, string DataHash, JsonObject Backbone)
{
    /// <summary>sha256 over the concepts (name, prompt word) and the text encoder's name.</summary>
    public static string HashOf(ConceptCatalog catalog, string textEncoder)
    {
        var text = string.Join("\n", catalog.Concepts.Select(c => $"{c.Name}\t{c.PromptWord}")) + "\n" + textEncoder;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
