using System.Text;
using DisTok.Core.IO;

namespace DisTok.Core.Tokens;

/// <summary>
/// Reads and writes creative tokens: the <c>distok-token/1</c> JSON file, and a textual-inversion
/// <c>.safetensors</c> export. Reading checks the token against the loaded model and rejects anything
/// that would not fit with a <see cref="TokenFileException"/> naming the problem and the file.
/// </summary>
public static class TokenFile
{
    /// <summary>The value of the JSON file's <c>format</c> field.</summary>
    public const string Format = "distok-token/1";

    /// <summary>The largest token file read; a 384-value token is about 10 kB.</summary>
    public const long MaxBytes = 1_000_000;

    /// <summary>The JSON text of a token (camelCase, the vector last as a number array).</summary>
    /// <exception cref="ArgumentException">The vector is empty, not finite, or disagrees with the model stamp's dimension.</exception>
    public static string ToJson(CreativeToken token) => Encoding.UTF8.GetString(ToUtf8(token));

    /// <summary>Writes a token's JSON to a stream.</summary>
    public static void Write(CreativeToken token, Stream stream) => stream.Write(ToUtf8(token));

    /// <summary>Writes a token's JSON file atomically: a temporary file in the same folder, then moved over <paramref name="path"/>.</summary>
    public static void Write(CreativeToken token, string path)
    {
        var bytes = ToUtf8(token);
        AtomicFile.Write(path, s => s.Write(bytes));
    }

    /// <summary>Reads a token file and checks it against the loaded model.</summary>
    /// <exception cref="TokenFileException">The file is missing, too large, not a valid token, or does not fit <paramref name="expect"/>.</exception>
    public static CreativeToken Read(string path, TokenExpectations expect)
    {
        var what = $"token file '{path}'";
        var bytes = ReadFile(path, what);
        return TokenChecks.ForReading(TokenJsonReader.Read(bytes, what), expect, what);
    }

    /// <summary>Reads a token from a stream (at most <see cref="MaxBytes"/>) and checks it against the loaded model.</summary>
    public static CreativeToken Read(Stream stream, TokenExpectations expect)
    {
        const string what = "the token";
        var bytes = BoundedRead.ReadAtMost(stream, MaxBytes) ?? throw TooLarge(what);
        return TokenChecks.ForReading(TokenJsonReader.Read(bytes, what), expect, what);
    }

    /// <summary>Reads a token from JSON text and checks it against the loaded model.</summary>
    public static CreativeToken FromJson(string json, TokenExpectations expect)
    {
        const string what = "the token";
        var bytes = Encoding.UTF8.GetBytes(json);
        if (bytes.Length > MaxBytes) throw TooLarge(what);
        return TokenChecks.ForReading(TokenJsonReader.Read(bytes, what), expect, what);
    }

    /// <summary>Writes a <c>.safetensors</c> textual-inversion embedding: one tensor <c>emb_params</c> of shape [1, dim]
    /// (the layout AUTOMATIC1111 and ComfyUI load), with the token's source, model stamp, name and time as metadata.</summary>
    public static void ExportSafeTensors(CreativeToken token, string path) => TokenSafeTensors.Export(token, path);

    /// <summary>Reads a <c>.safetensors</c> file written by <see cref="ExportSafeTensors"/> and checks it against the loaded model.</summary>
    /// <exception cref="TokenFileException">The file is missing, too large, malformed, has no DisTok metadata, or does not fit <paramref name="expect"/>.</exception>
    public static CreativeToken ImportSafeTensors(string path, TokenExpectations expect) => TokenSafeTensors.Import(path, expect);

    /// <summary>Writes a token as a <c>.safetensors</c> embedding to a stream (see <see cref="ExportSafeTensors(CreativeToken, string)"/>).</summary>
    public static void ExportSafeTensors(CreativeToken token, Stream stream) => TokenSafeTensors.Export(token, stream);

    /// <summary>
    /// Reads an uploaded token of either format (at most <see cref="MaxBytes"/>): JSON when the first non-blank byte is
    /// <c>{</c>, else <c>.safetensors</c>. Checks it against the loaded model.
    /// </summary>
    /// <param name="stream">The upload.</param>
    /// <param name="expect">What the loaded model needs.</param>
    /// <param name="what">How messages name the upload, e.g. <c>the file 'pig.json'</c>.</param>
    /// <exception cref="TokenFileException">Empty, too large, malformed, or does not fit <paramref name="expect"/>.</exception>
    public static CreativeToken ReadUpload(Stream stream, TokenExpectations expect, string what)
    {
        var bytes = BoundedRead.ReadAtMost(stream, MaxBytes) ?? throw TooLarge(what);
        if (bytes.Length == 0) throw new TokenFileException($"{what} is empty");
        int first = Array.FindIndex(bytes, b => b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF));
        return first >= 0 && bytes[first] == (byte)'{'
            ? TokenChecks.ForReading(TokenJsonReader.Read(bytes.AsMemory(first), what), expect, what)
            : TokenSafeTensors.Import(bytes, expect, what);
    }

    static byte[] ToUtf8(CreativeToken token)
    {
        TokenChecks.ForWriting(token);
        return TokenJsonWriter.ToUtf8(token);
    }

    /// <summary>A file's bytes, with missing, oversized and unreadable files reported as <see cref="TokenFileException"/>.</summary>
    internal static byte[] ReadFile(string path, string what)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) throw new TokenFileException($"{what} does not exist");
            if (info.Length > MaxBytes) throw TooLarge(what, info.Length);
            using var stream = info.OpenRead();
            return BoundedRead.ReadAtMost(stream, MaxBytes) ?? throw TooLarge(what);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TokenFileException($"{what} could not be read: {e.Message}", e);
        }
    }

    static TokenFileException TooLarge(string what, long? bytes = null) =>
        new($"{what} is too large ({(bytes is { } n ? $"{n} bytes" : "over the limit")}; a token file is at most {MaxBytes} bytes)");
}
