using Microsoft.ML.OnnxRuntime;

namespace DisTok.ML.Onnx;

/// <summary>
/// ONNX Runtime's native logger prints a red multi-line error to stderr whenever the CUDA provider fails to
/// load, although <see cref="OnnxSessionFactory"/> already falls back and reports it in one line. Only the
/// process-wide environment's level silences it (a session option does not), so command-line tools call
/// <see cref="Quiet"/> once before their first session.
/// </summary>
public static class OnnxLogging
{
    /// <summary>Creates the ONNX Runtime environment at FATAL log level; no effect once the environment exists.</summary>
    public static void Quiet()
    {
        if (OrtEnv.IsCreated) return;
        var options = new EnvironmentCreationOptions { logLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL, logId = "distok" };
        OrtEnv.CreateInstanceWithOptions(ref options);
    }
}
