using DisTok.ML.Vision;
using DisTok.ML.Vision.Cnn;
using static TorchSharp.torch;

namespace DisTok.ML.Tests.Vision.Cnn;

/// <summary>MixUp, CutMix and the soft cross-entropy on tiny tensors with values worked out by hand.</summary>
public class SoftMixesTests
{
    [Fact]
    public void Smoothed_targets_put_one_minus_epsilon_plus_epsilon_over_k_on_the_class()
    {
        using var y = SoftMixes.Targets([2, 0], [2, 3], [1f, 1f], classes: 4, smoothing: 0.2f);
        Assert.Equal(new[] { 0.05f, 0.05f, 0.85f, 0.05f, 0.85f, 0.05f, 0.05f, 0.05f }, y.data<float>().ToArray(), new FloatTolerance(1e-6f));
    }

    [Fact]
    public void Half_and_half_targets_split_the_unsmoothed_mass_between_the_two_classes()
    {
        // row 0: ½ class 1, ½ class 3 → 0.4 each + 0.05; row 1: 0.75 class 0, 0.25 class 2
        using var y = SoftMixes.Targets([1, 0], [3, 2], [0.5f, 0.75f], classes: 4, smoothing: 0.2f);
        Assert.Equal(new[] { 0.05f, 0.45f, 0.05f, 0.45f, 0.65f, 0.05f, 0.25f, 0.05f }, y.data<float>().ToArray(), new FloatTolerance(1e-6f));
    }

    [Fact]
    public void MixUp_mixes_images_and_targets_in_the_same_proportion()
    {
        using var x = tensor(new float[] { 1, 1, 0, 0 }, [2, 1, 1, 2]);   // image 0 = (1, 1), image 1 = (0, 0)
        using var y = tensor(new float[] { 1, 0, 0, 1 }, [2, 2]);
        var (mx, my) = SoftMixes.MixUp(x, y, [1, 0], 0.75f);
        Assert.Equal(new[] { 0.75f, 0.75f, 0.25f, 0.25f }, mx.data<float>().ToArray(), new FloatTolerance(1e-6f));
        Assert.Equal(new[] { 0.75f, 0.25f, 0.25f, 0.75f }, my.data<float>().ToArray(), new FloatTolerance(1e-6f));
    }

    [Fact]
    public void CutMix_pastes_the_box_and_weighs_the_targets_by_its_area()
    {
        using var x = cat([ones(1, 1, 2, 2), zeros(1, 1, 2, 2)]);        // image 0 all ones, image 1 all zeros
        using var y = tensor(new float[] { 1, 0, 0, 1 }, [2, 2]);
        var (mx, my, lambda) = SoftMixes.CutMix(x, y, [1, 0], top: 0, left: 1, height: 2, width: 1); // the right column
        Assert.Equal(0.5f, lambda);
        Assert.Equal(new[] { 1f, 0f, 1f, 0f, 0f, 1f, 0f, 1f }, mx.data<float>().ToArray());
        Assert.Equal(new[] { 0.5f, 0.5f, 0.5f, 0.5f }, my.data<float>().ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => SoftMixes.CutMix(x, y, [1, 0], 1, 1, 2, 2));
    }

    [Fact]
    public void Soft_cross_entropy_of_uniform_logits_is_log_k_and_of_a_sure_hit_near_zero()
    {
        using var uniform = SoftMixes.SoftCrossEntropy(zeros(1, 4), tensor(new float[] { 0.25f, 0.25f, 0.25f, 0.25f }, [1, 4]));
        Assert.Equal(Math.Log(4), uniform.item<float>(), 5);
        // logits (ln 3, 0): p = (0.75, 0.25); target (0.5, 0.5) → −(0.5 ln 0.75 + 0.5 ln 0.25)
        using var half = SoftMixes.SoftCrossEntropy(tensor(new float[] { (float)Math.Log(3), 0 }, [1, 2]), tensor(new float[] { 0.5f, 0.5f }, [1, 2]));
        Assert.Equal(-(0.5 * Math.Log(0.75) + 0.5 * Math.Log(0.25)), half.item<float>(), 5);
    }

    [Fact]
    public void A_box_covers_about_one_minus_lambda_of_the_image_and_stays_inside()
    {
        var random = new Random(1);
        for (int i = 0; i < 50; i++)
        {
            var (top, left, h, w) = SoftMixes.Box(64, 0.75f, random);
            Assert.True(top >= 0 && left >= 0 && top + h <= 64 && left + w <= 64);
            Assert.InRange(h * w, 0, 32 * 32);                               // clipped at the border, never larger
        }
        Assert.InRange(Enumerable.Range(0, 2000).Select(_ => SoftMixes.Beta(0.6f, random)).Average(), 0.47, 0.53);
    }

    [Fact]
    public void Mixture_kl_is_zero_for_a_reading_in_the_known_proportion()
    {
        Assert.Equal(0, MixtureCheck.PairKl(0.5, 0.2, 0.2), 9);           // only the two parents' ratio counts
        Assert.Equal(0.75 * Math.Log(0.75 / 0.5) + 0.25 * Math.Log(0.25 / 0.5), MixtureCheck.PairKl(0.75, 0.3, 0.3), 9);
        Assert.True(MixtureCheck.PairKl(0.5, 0.9, 0) > 5);                // one parent missing entirely: large, finite
    }

    sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float a, float b) => Math.Abs(a - b) <= tolerance;
        public int GetHashCode(float v) => 0;
    }
}
