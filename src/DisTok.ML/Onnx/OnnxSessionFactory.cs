using Microsoft.ML.OnnxRuntime;

namespace DisTok.ML.Onnx;

/// <summary>
/// Creates ONNX Runtime sessions that use CUDA when it loads and the CPU otherwise.
/// GetAvailableProviders() lists CUDA even where its libraries are missing, so we try to append
/// the CUDA provider and fall back when that throws.
/// </summary>
public static class OnnxSessionFactory
{
    /// <summary>Creates a session from model bytes. <paramref name="log"/> receives one line naming the provider used.</summary>
    public static InferenceSession Create(byte[] model, string name, bool preferCuda = true, Action<string>? log = null, int intraOpThreads = 0)
    {
        if (preferCuda)
        {
            var cuda = NewOptions(intraOpThreads);
            try
            {
                cuda.AppendExecutionProvider_CUDA(0);
                var session = new InferenceSession(model, cuda);
                log?.Invoke($"{name}: ONNX Runtime on CUDA");
                return session;
            }
            catch (Exception e) when (e is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException or TypeInitializationException)
            {
                cuda.Dispose();
                log?.Invoke($"{name}: CUDA unavailable ({FirstLine(e.Message)}); ONNX Runtime on CPU");
            }
        }
        else log?.Invoke($"{name}: ONNX Runtime on CPU");
        return new InferenceSession(model, NewOptions(intraOpThreads));
    }

    /// <summary>
    /// ONNX Runtime's worker threads spin for a while after each run by default. The studio and the CLI run libtorch
    /// (text encoder, DisTok, the image model, the labeler) in the same process, so on a small CPU spinning threads
    /// hold the cores libtorch's next call needs: in `distok eval` a DisTok token took 4.6 ms with spinning and 0.65 ms
    /// without (docs/blends.md). Without spinning they sleep between runs.
    /// </summary>
    static SessionOptions NewOptions(int intraOpThreads)
    {
        var o = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        o.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        o.AddSessionConfigEntry("session.inter_op.allow_spinning", "0");
        if (intraOpThreads > 0) o.IntraOpNumThreads = intraOpThreads;
        return o;
    }

    static string FirstLine(string s) => s.Split('\n')[0].Trim();
}
