using DisTok.ML.Vision;

namespace DisTok.ML.Tests.Vision;

public class CalibrationTests
{
    [Fact]
    public void Ece_matches_a_hand_computed_case()
    {
        // confidences 0.9 (right), 0.78 (wrong), 0.55 and 0.58 (both right) fall in 15-bin bins 13, 11, 8, 8:
        // 1/4·|1 − 0.9| + 1/4·|0 − 0.78| + 2/4·|1 − 0.565| = 0.025 + 0.195 + 0.2175 = 0.4375
        var p = new[] { new[] { 0.9f, 0.1f }, new[] { 0.78f, 0.22f }, new[] { 0.55f, 0.45f }, new[] { 0.42f, 0.58f } };
        var labels = new[] { 0, 1, 0, 1 };
        Assert.Equal(0.4375, CalibrationMetrics.ExpectedCalibrationError(p, labels), 5);
        Assert.Equal(0.75, CalibrationMetrics.Top1(p, labels), 10);
    }

    [Fact]
    public void Ece_is_zero_when_confidence_equals_accuracy()
    {
        var p = Enumerable.Repeat(new[] { 0.75f, 0.25f }, 4).ToList();
        Assert.Equal(0.0, CalibrationMetrics.ExpectedCalibrationError(p, [0, 0, 0, 1]), 6);
    }

    [Fact]
    public void Temperature_recovers_the_calibrated_scale()
    {
        // Four predictions with logits (2·ln 3, 0), three right: NLL is minimal where σ(2·ln 3 / T) = 3/4, i.e. T = 2.
        float l = 2 * MathF.Log(3);
        var logits = Enumerable.Repeat(new[] { l, 0f }, 4).ToList();
        var labels = new[] { 0, 0, 0, 1 };
        Assert.Equal(2.0, TemperatureScaling.Fit(logits, labels), 3);
        // NLL at T = 1: −(3/4)·ln(9/10) − (1/4)·ln(1/10)
        Assert.Equal(-(0.75 * Math.Log(0.9)) - 0.25 * Math.Log(0.1), TemperatureScaling.Nll(logits, labels, 1.0), 5);
    }

    [Fact]
    public void Temperature_is_clamped_when_predictions_are_coin_flips()
    {
        var logits = Enumerable.Repeat(new[] { 2f, 0f }, 2).ToList();
        Assert.Equal(TemperatureScaling.MaxTemperature, TemperatureScaling.Fit(logits, [0, 1]), 1);
    }

    [Fact]
    public void Softmax_with_temperature_sums_to_one_and_flattens()
    {
        var sharp = Softmax.Apply([3f, 1f, 0f], 1.0);
        var soft = Softmax.Apply([3f, 1f, 0f], 4.0);
        Assert.Equal(1.0, sharp.Sum(), 5);
        Assert.Equal(1.0, soft.Sum(), 5);
        Assert.True(soft[0] < sharp[0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => Softmax.Apply([1f], 0));
    }
}
