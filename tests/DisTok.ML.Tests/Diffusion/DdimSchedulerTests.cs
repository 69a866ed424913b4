using DisTok.ML.Diffusion.Schedulers;
using static TorchSharp.torch;

namespace DisTok.ML.Tests.Diffusion;

public class DdimSchedulerTests
{
    [Fact]
    public void Cosine_schedule_starts_clean_and_ends_nearly_pure_noise()
    {
        Assert.Equal(1.0, CosineNoiseSchedule.AlphaBar(0), 12);
        Assert.InRange(CosineNoiseSchedule.AlphaBar(1), 1e-6, 1e-3);
        // hand-computed: cos²((0.5·0.9946 + 0.008)/1.008 · π/2) / cos²(0.008/1.008 · π/2)
        double f = Math.Cos((0.5 * 0.9946 + 0.008) / 1.008 * Math.PI / 2), f0 = Math.Cos(0.008 / 1.008 * Math.PI / 2);
        Assert.Equal(f * f / (f0 * f0), CosineNoiseSchedule.AlphaBar(0.5), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => CosineNoiseSchedule.AlphaBar(1.5));
    }

    [Fact]
    public void Timesteps_are_evenly_spaced_from_one_to_zero()
    {
        var s = new DdimScheduler();
        s.SetTimesteps(4);
        Assert.Equal([1.0, 0.75, 0.5, 0.25, 0.0], s.Timesteps);
        Assert.Equal(4, s.StepCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => s.SetTimesteps(0));
    }

    [Fact]
    public void Add_noise_at_t0_is_the_image_and_v_is_the_noise()
    {
        var x0 = tensor(new float[] { 0.5f, -0.25f }).reshape(1, 1, 1, 2);
        var eps = tensor(new float[] { 1f, 2f }).reshape(1, 1, 1, 2);
        var (xt, v) = DdimScheduler.AddNoise(x0, eps, [0.0]);
        Assert.Equal(new[] { 0.5f, -0.25f }, xt.data<float>().ToArray());
        Assert.Equal(new[] { 1f, 2f }, v.data<float>().ToArray());
    }

    [Fact]
    public void A_step_with_the_true_x0_moves_along_the_same_noise()
    {
        var s = new DdimScheduler();
        s.SetTimesteps(2); // t: 1, 0.5, 0
        var x0 = tensor(new float[] { 0.5f, -0.25f, 0f }).reshape(1, 1, 1, 3);
        var eps = tensor(new float[] { 1f, -1f, 0.5f }).reshape(1, 1, 1, 3);
        var (xt, _) = DdimScheduler.AddNoise(x0, eps, [0.5]);
        var (next, predX0) = s.Step(x0, 1, xt); // from t = 0.5 to t = 0
        Assert.True(predX0.allclose(x0, atol: 1e-5));
        Assert.True(next.allclose(x0, atol: 1e-5)); // at t = 0 the sample is x0 itself

        var (a, sig) = CosineNoiseSchedule.AlphaSigma(0.5);
        var (xt1, _) = DdimScheduler.AddNoise(x0, eps, [1.0]);
        var (mid, _) = s.Step(x0, 0, xt1); // from t = 1 to t = 0.5
        var expected = x0 * a + eps * sig;
        Assert.True(mid.allclose(expected, atol: 1e-4));
    }

    [Fact]
    public void Predictions_outside_the_image_range_are_clipped()
    {
        var s = new DdimScheduler();
        s.SetTimesteps(1);
        var (next, x0) = s.Step(tensor(new float[] { 3f, -2f }).reshape(1, 1, 1, 2), 0, zeros(1, 1, 1, 2));
        Assert.Equal(new[] { 1f, -1f }, x0.data<float>().ToArray());
        Assert.Equal(new[] { 1f, -1f }, next.data<float>().ToArray());
    }

    [Fact]
    public void Step_index_out_of_range_is_rejected()
    {
        var s = new DdimScheduler();
        s.SetTimesteps(3);
        var x = zeros(1, 1, 1, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => s.Step(x, 3, x));
    }
}
