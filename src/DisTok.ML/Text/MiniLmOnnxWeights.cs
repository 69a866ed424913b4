using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Onnx;
using static TorchSharp.torch;

namespace DisTok.ML.Text;

/// <summary>
/// Reads the MiniLM weights from the ONNX graph's initializers and copies them into a <see cref="MiniLmModel"/>.
/// The exporter kept the Hugging Face names for biases, LayerNorms and embedding tables, but stored every
/// dense weight as an anonymous MatMul operand ("927", …) laid out (in, out). Each such weight is named
/// after the bias that the following Add node applies, and transposed to torch's (out, in).
/// </summary>
public static partial class MiniLmOnnxWeights
{
    /// <summary>Float initializers under their Hugging Face names, dense weights already (out, in).</summary>
    public static Dictionary<string, (long[] Shape, float[] Data)> Read(byte[] onnxModel)
    {
        var graph = ModelProto.Parser.ParseFrom(onnxModel).Graph;
        var initializers = graph.Initializer.Where(t => t.DataType == (int)TensorProto.Types.DataType.Float).ToDictionary(t => t.Name);
        var result = new Dictionary<string, (long[], float[])>();
        foreach (var (name, t) in initializers)
            if (name.Contains('.')) result[name] = (t.Dims.ToArray(), Floats(t));

        var consumers = graph.Node.SelectMany(n => n.Input.Select(i => (input: i, node: n))).ToLookup(p => p.input, p => p.node);
        foreach (var matmul in graph.Node.Where(n => n.OpType == "MatMul"))
        {
            if (matmul.Input.Count != 2 || !initializers.TryGetValue(matmul.Input[1], out var w) || w.Dims.Count != 2) continue;
            var bias = consumers[matmul.Output[0]].Where(n => n.OpType == "Add")
                .SelectMany(n => n.Input).FirstOrDefault(i => i.EndsWith(".bias", StringComparison.Ordinal) && initializers.ContainsKey(i))
                ?? throw new InvalidDataException($"MatMul {matmul.Name} with weight {w.Name} is not followed by a bias Add");
            long rows = w.Dims[0], cols = w.Dims[1];
            result[bias[..^".bias".Length] + ".weight"] = ([cols, rows], Transpose(Floats(w), (int)rows, (int)cols));
        }
        return result;
    }

    /// <summary>Copies the weights into <paramref name="model"/>; every parameter must be found with the right shape.</summary>
    public static void LoadInto(MiniLmModel model, byte[] onnxModel)
    {
        var weights = Read(onnxModel);
        using var noGrad = no_grad();
        foreach (var (name, parameter) in model.named_parameters())
        {
            var source = ToSourceName(name);
            if (!weights.TryGetValue(source, out var w))
                throw new InvalidDataException($"the ONNX model has no initializer {source} for parameter {name}");
            if (!w.Shape.SequenceEqual(parameter.shape))
                throw new InvalidDataException($"{source} is ({string.Join(", ", w.Shape)}) but {name} is ({string.Join(", ", parameter.shape)})");
            using var t = tensor(w.Data, w.Shape);
            parameter.copy_(t);
        }
    }

    /// <summary>Maps a <see cref="MiniLmModel"/> parameter name to the Hugging Face BERT name, e.g. layers.2.attentionNorm.weight → encoder.layer.2.attention.output.LayerNorm.weight.</summary>
    public static string ToSourceName(string parameterName)
    {
        var m = LayerName().Match(parameterName);
        if (m.Success)
        {
            var part = m.Groups[2].Value switch
            {
                "query" => "attention.self.query",
                "key" => "attention.self.key",
                "value" => "attention.self.value",
                "attentionOutput" => "attention.output.dense",
                "attentionNorm" => "attention.output.LayerNorm",
                "intermediate" => "intermediate.dense",
                "output" => "output.dense",
                "outputNorm" => "output.LayerNorm",
                var other => throw new ArgumentException($"unknown layer part {other}"),
            };
            return $"encoder.layer.{m.Groups[1].Value}.{part}.{m.Groups[3].Value}";
        }
        return parameterName
            .Replace("embeddings.word.", "embeddings.word_embeddings.", StringComparison.Ordinal)
            .Replace("embeddings.position.", "embeddings.position_embeddings.", StringComparison.Ordinal)
            .Replace("embeddings.tokenType.", "embeddings.token_type_embeddings.", StringComparison.Ordinal)
            .Replace("embeddings.norm.", "embeddings.LayerNorm.", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^layers\.(\d+)\.(\w+)\.(weight|bias)$")]
    private static partial Regex LayerName();

    static float[] Floats(TensorProto t)
    {
        if (t.RawData.Length > 0)
        {
            if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("ONNX raw data is little-endian");
            return MemoryMarshal.Cast<byte, float>(t.RawData.Span).ToArray();
        }
        return t.FloatData.ToArray();
    }

    static float[] Transpose(float[] data, int rows, int cols)
    {
        var result = new float[data.Length];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
                result[c * rows + r] = data[r * cols + c];
        return result;
    }
}
