using DisTok.ML.Text;

namespace DisTok.ML.Tests.Text;

/// <summary>One loaded MiniLM (TorchSharp and ONNX Runtime) shared by all text-encoder tests.</summary>
public sealed class MiniLmFixture : IDisposable
{
    public MiniLmFixture()
    {
        // One intra-op thread: on a shared 2-core machine libtorch's second (spinning) thread made a short
        // prompt 5-50x slower whenever other processes were busy.
        TorchSharp.torch.set_num_threads(1);
        var resources = MiniLmResources.Load();
        Vocabulary = resources.Vocabulary;
        Encoder = new MiniLmTextEncoder(resources);
        Reference = new OnnxMiniLmReference(resources, preferCuda: false);
    }

    public IReadOnlyList<string> Vocabulary { get; }

    public MiniLmTextEncoder Encoder { get; }

    public OnnxMiniLmReference Reference { get; }

    public void Dispose()
    {
        Encoder.Dispose();
        Reference.Dispose();
    }

    public static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.Length; i++) { dot += a[i] * b[i]; na += a[i] * a[i]; nb += b[i] * b[i]; }
        return dot / Math.Sqrt(na * nb);
    }
}
