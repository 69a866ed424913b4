using DisTok.Core.Tokens;
using DisTok.ML.DisTok;
using DisTok.ML.ModelFiles;

namespace DisTok.Cli.Commands.DisTok;

/// <summary>Reads a token file given on the command line, checked against the DisTok model in use.</summary>
public static class TokenArgument
{
    /// <summary>
    /// A .json or .safetensors token. When <paramref name="distokDir"/> holds a model, the token must come from it
    /// (its sha256); otherwise only the text encoder space is checked.
    /// </summary>
    public static CreativeToken Read(string path, string distokDir)
    {
        string? sha = File.Exists(Path.Combine(distokDir, ModelManifest.FileName))
            ? ModelManifest.LoadVerified(distokDir, DisTokCheckpoint.ManifestName).Sha256
            : null;
        var expect = new TokenExpectations(MiniLmDimension, DisTokModel.TextEncoderName, sha);
        return path.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase)
            ? TokenFile.ImportSafeTensors(path, expect)
            : TokenFile.Read(path, expect);
    }

    const int MiniLmDimension = 384;
}
