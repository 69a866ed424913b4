using static TorchSharp.torch;

namespace DisTok.ML.Diffusion.Training;

/// <summary>Keeps <c>shadow ← d·shadow + (1−d)·live</c> for every parameter of two modules of the same shape.</summary>
public sealed class ExponentialMovingAverage(nn.Module live, nn.Module shadow, double decay)
{
    readonly Tensor[] _live = live.parameters().ToArray();
    readonly Tensor[] _shadow = shadow.parameters().ToArray();

    /// <summary>Copies the live weights into the shadow (start of a run).</summary>
    public void Reset()
    {
        using var _ = no_grad();
        for (int i = 0; i < _live.Length; i++) _shadow[i].copy_(_live[i]);
    }

    /// <summary>One EMA update; the effective decay ramps up over the first steps as in common practice.</summary>
    public void Update(int step)
    {
        double d = Math.Min(decay, (1.0 + step) / (10.0 + step));
        using var _ = no_grad();
        for (int i = 0; i < _live.Length; i++) _shadow[i].mul_(d).add_(_live[i], alpha: 1 - d);
    }
}
