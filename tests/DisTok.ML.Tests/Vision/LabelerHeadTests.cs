using DisTok.ML.Vision;

namespace DisTok.ML.Tests.Vision;

public class LabelerHeadTests
{
    [Fact]
    public void Head_file_round_trips()
    {
        var head = TestHeads.Random(inputs: 8, hidden: 4, classes: 3);
        var again = LabelerHeadFile.FromBytes(LabelerHeadFile.ToBytes(head));
        var x = new float[] { 1, 2, 3, 4, 5, 6, 7, 8 };
        Assert.Equal(head.Logits(x), again.Logits(x));
    }

    [Fact]
    public void Truncated_or_foreign_head_files_are_rejected()
    {
        var bytes = LabelerHeadFile.ToBytes(TestHeads.Random(inputs: 8, hidden: 4, classes: 3));
        Assert.Throws<InvalidDataException>(() => LabelerHeadFile.FromBytes(bytes[..^5]));
        Assert.Throws<InvalidDataException>(() => LabelerHeadFile.FromBytes("not a head file at all"u8.ToArray()));
    }

    [Fact]
    public void Mirror_logits_are_averaged()
    {
        var head = TestHeads.Random(inputs: 4, hidden: 3, classes: 2);
        float[] a = [1, 0, 2, 0], b = [0, 3, 0, 1];
        var la = head.Logits(a);
        var lb = head.Logits(b);
        var both = head.Logits(a, b);
        for (int i = 0; i < 2; i++) Assert.Equal((la[i] + lb[i]) / 2, both[i], 5);
    }

    [Fact]
    public void Trainer_fits_separable_features_and_is_deterministic()
    {
        // Three classes, each lifting a different block of 6 features.
        var random = new Random(3);
        var x = new List<float[]>();
        var y = new List<int>();
        for (int i = 0; i < 60; i++)
        {
            int c = i % 3;
            x.Add(Enumerable.Range(0, 18).Select(j => (j / 6 == c ? 2f : 0f) + (float)random.NextDouble()).ToArray());
            y.Add(c);
        }
        var o = new LabelerTrainOptions(Hidden: 8, Epochs: 30, BatchSize: 16, LearningRate: 1e-2f);
        var a = HeadTrainer.Train(x, y, 3, o, seed: 5);
        var b = HeadTrainer.Train(x, y, 3, o, seed: 5);
        var accuracy = x.Select((row, i) => CalibrationMetrics.ArgMax(a.Logits(row)) == y[i]).Count(ok => ok) / (double)x.Count;
        Assert.True(accuracy > 0.95, $"train accuracy {accuracy}");
        Assert.Equal(LabelerHeadFile.ToBytes(a), LabelerHeadFile.ToBytes(b));
    }
}
