using DisTok.Core.Backbone;
using DisTok.ML.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace DisTok.ML.Text;

/// <summary>
/// all-MiniLM-L6-v2 run by ONNX Runtime from the same ONNX file: token vectors from the graph, then mean
/// pooling and L2 normalisation as sentence-transformers does. The parity reference for
/// <see cref="MiniLmTextEncoder"/> and a fast path for plain prompts (no placeholder, no gradient).
/// ONNX Runtime sessions are thread-safe.
/// </summary>
public sealed class OnnxMiniLmReference : IDisposable
{
    const string HiddenOutput = "last_hidden_state";
    readonly InferenceSession session;

    public OnnxMiniLmReference(MiniLmResources resources, bool preferCuda = true, int intraOpThreads = 0, Action<string>? log = null)
    {
        var config = new MiniLmConfig();
        Dimension = config.Hidden;
        Tokenizer = new MiniLmTokenizer(resources.Vocabulary, config.MaxTokens);
        session = OnnxSessionFactory.Create(resources.Model, "MiniLM", preferCuda, log, intraOpThreads);
    }

    public int Dimension { get; }

    public MiniLmTokenizer Tokenizer { get; }

    public float[] Encode(string prompt) => Encode([prompt])[0];

    /// <summary>Plain prompts → unit vectors of length d, padded to the batch's longest prompt.</summary>
    public float[][] Encode(IReadOnlyList<string> prompts)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        if (prompts.Count == 0) throw new ArgumentException("no prompts given", nameof(prompts));
        var tokenized = prompts.Select(p =>
        {
            if (string.IsNullOrWhiteSpace(p)) throw new ArgumentException("the prompt is empty", nameof(prompts));
            if (p.Contains(Placeholder.Text, StringComparison.Ordinal))
                throw new ArgumentException($"the prompt \"{p}\" has a placeholder {Placeholder.Text}; ONNX Runtime cannot fill it", nameof(prompts));
            return Tokenizer.Tokenize(p);
        }).ToArray();

        int b = tokenized.Length, t = tokenized.Max(p => p.Length), d = Dimension;
        var ids = new long[b * t];
        var mask = new long[b * t];
        var types = new long[b * t];
        for (int i = 0; i < b; i++)
        {
            tokenized[i].Ids.CopyTo(ids, i * t);
            Array.Fill(mask, 1L, i * t, tokenized[i].Length);
        }
        long[] shape = [b, t];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(types, shape);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions,
            ["input_ids", "attention_mask", "token_type_ids"], [idsValue, maskValue, typesValue], [HiddenOutput]);
        // hidden: (B, T, d)
        var hidden = outputs[0].GetTensorDataAsSpan<float>();

        var result = new float[b][];
        for (int i = 0; i < b; i++)
        {
            var sum = new double[d];
            int n = tokenized[i].Length;
            for (int j = 0; j < n; j++)
            {
                var row = hidden.Slice((i * t + j) * d, d);
                for (int k = 0; k < d; k++) sum[k] += row[k];
            }
            double norm = Math.Sqrt(sum.Sum(v => v * v));
            result[i] = sum.Select(v => (float)(v / Math.Max(norm, 1e-12))).ToArray();
        }
        return result;
    }

    public void Dispose() => session.Dispose();
}
