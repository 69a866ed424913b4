using DisTok.ML.DisTok;
using static TorchSharp.torch;

namespace DisTok.ML.Tests.DisTok;

/// <summary>The three losses on tiny tensors against values worked out by hand.</summary>
public class LossTests
{
    static Tensor T(params float[][] rows) => tensor(rows.SelectMany(r => r).ToArray(), [rows.Length, rows[0].Length]);

    [Fact]
    public void Mix_loss_adds_both_capped_distances()
    {
        // cos([1,0],[0.6,0.8]) = 0.6 < θ1 → 0.4;  cos([1,0],[1,0]) = 1 capped at θ2 = 0.8 → 0.2;  total 0.6
        var loss = MixLoss.PerSample(T([1, 0]), T([0.6f, 0.8f]), T([1, 0]), 0.85, 0.80);
        Assert.Equal(0.6, loss.item<float>(), 5);
    }

    [Fact]
    public void Mix_loss_is_per_sample_and_broadcasts_the_aesthetic_prompt()
    {
        // row 2: cos([0,1],[0,1]) = 1 capped at 0.85 → 0.15;  cos([0,1],[1,0]) = 0 → 1;  total 1.15
        var loss = MixLoss.PerSample(T([1, 0], [0, 1]), T([0.6f, 0.8f], [0, 1]), T([1, 0]), 0.85, 0.80).data<float>().ToArray();
        Assert.Equal(0.6, loss[0], 5);
        Assert.Equal(1.15, loss[1], 5);
    }

    [Fact]
    public void Above_the_cap_the_mix_loss_has_no_gradient_below_it_does()
    {
        // Beyond θ1 the token may not be pulled further toward the reference: no collapse onto "a c1 c2".
        var above = tensor(new float[] { 1, 0.1f }, [1, 2]).requires_grad_(true);   // cos to [1,0] ≈ 0.995 > 0.85
        MixLoss.PerSample(above, T([1, 0]), T([1, 0]), 0.85, 0.80).sum().backward();
        Assert.All(above.grad!.data<float>().ToArray(), g => Assert.Equal(0f, g));

        var below = tensor(new float[] { 1, 1 }, [1, 2]).requires_grad_(true);       // cos ≈ 0.707 < 0.85
        MixLoss.PerSample(below, T([1, 0]), T([1, 0]), 0.85, 0.80).sum().backward();
        Assert.Contains(below.grad!.data<float>().ToArray(), g => Math.Abs(g) > 1e-3);
    }

    [Fact]
    public void Consistency_loss_is_one_minus_cosine()
    {
        var loss = ConsistencyLoss.PerSample(T([1, 0], [3, 4]), T([0, 1], [6, 8])).data<float>().ToArray();
        Assert.Equal(1.0, loss[0], 5);
        Assert.Equal(0.0, loss[1], 5);
    }

    [Fact]
    public void Latent_regularization_is_squared_mean_over_variance()
    {
        // z = [[1,2],[3,4]]: mean (2,3) → ‖·‖² = 13; unbiased variance per dim 2 and 2 → 2; 13 / 2 = 6.5
        Assert.Equal(6.5, LatentRegularization.Compute(T([1, 2], [3, 4])).item<float>(), 4);
        // centred latents: mean 0 → 0
        Assert.Equal(0.0, LatentRegularization.Compute(T([1, -2], [-1, 2])).item<float>(), 6);
    }

    [Fact]
    public void Latent_regularization_needs_a_batch()
    {
        var e = Assert.Throws<ArgumentException>(() => LatentRegularization.Compute(T([1, 2])));
        Assert.Contains("N ≥ 2", e.Message);
    }
}
