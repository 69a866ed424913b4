using TorchSharp;

namespace DisTok.ML.Torch;

/// <summary>Chooses the TorchSharp device once: CUDA when configured and present, the CPU otherwise.</summary>
public static class TorchRuntime
{
    /// <summary>Resolves "cpu", "cuda" or "auto" to a device; "cuda" without a usable GPU falls back to the CPU.</summary>
    public static torch.Device ResolveDevice(string preference = "auto")
    {
        var p = preference.Trim().ToLowerInvariant();
        if (p is not ("auto" or "cpu" or "cuda")) throw new ArgumentException($"device must be auto, cpu or cuda, got '{preference}'");
        if (p != "cpu" && torch.cuda.is_available()) return torch.CUDA;
        return torch.CPU;
    }

    /// <summary>A tiny computation that proves the native library loads (used by tests and `distok bench`).</summary>
    public static float Probe() => torch.ones(2).sum().item<float>();
}
