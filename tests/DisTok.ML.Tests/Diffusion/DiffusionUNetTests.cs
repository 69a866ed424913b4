using DisTok.ML.Diffusion.Models;
using static TorchSharp.torch;

namespace DisTok.ML.Tests.Diffusion;

public class DiffusionUNetTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("unet-").FullName;
    static readonly UNetConfig Tiny = new(ImageSize: 16, PatchSize: 2, Channels: [16, 32], ConditionDim: 8, EmbedDim: 16, Groups: 4);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Group_norms_start_as_identity_affine()
    {
        using var norm = GroupNorms.Create(4, 8);
        Assert.All(norm.weight!.data<float>().ToArray(), w => Assert.Equal(1f, w));
        Assert.All(norm.bias!.data<float>().ToArray(), b => Assert.Equal(0f, b));
    }

    [Fact]
    public void Forward_keeps_the_image_shape_and_is_finite()
    {
        manual_seed(1);
        using var model = new DiffusionUNet(Tiny);
        using var v = model.forward(randn(3, 3, 16, 16), rand(3), randn(3, 8)); // (B, 3, S, S)
        Assert.Equal(new long[] { 3, 3, 16, 16 }, v.shape);
        Assert.False(v.isnan().any().item<bool>() || v.isinf().any().item<bool>());
    }

    [Fact]
    public void The_text_condition_changes_the_output()
    {
        manual_seed(2);
        using var model = new DiffusionUNet(Tiny);
        using var x = randn(1, 3, 16, 16);
        using var t = full(1, 0.5f);
        // train one step so the zero-initialised blocks carry the condition
        var opt = optim.Adam(model.parameters(), 1e-2);
        model.forward(x, t, ones(1, 8)).square().mean().backward();
        opt.step();
        using var a = model.forward(x, t, ones(1, 8));
        using var b = model.forward(x, t, zeros(1, 8));
        Assert.False(a.allclose(b));
    }

    [Fact]
    public void Checkpoint_round_trip_keeps_config_and_outputs_within_float16()
    {
        manual_seed(3);
        using var model = new DiffusionUNet(Tiny);
        model.eval();
        DiffusionCheckpoint.Save(model, _dir, new(), "data-hash", "distok backbone train", 7, new());
        var (loaded, manifest) = DiffusionCheckpoint.Load(_dir);
        using (loaded)
        {
            Assert.Equal(7, manifest.Step);
            Assert.Equal(Tiny.LevelChannels, loaded.Config.LevelChannels);
            using var x = randn(2, 3, 16, 16);
            using var t = rand(2);
            using var c = randn(2, 8);
            using var _ = no_grad();
            Assert.True(model.forward(x, t, c).allclose(loaded.forward(x, t, c), rtol: 1e-2, atol: 1e-2));
        }
    }

    [Fact]
    public void Altered_weights_are_refused_with_a_clear_message()
    {
        using var model = new DiffusionUNet(Tiny);
        DiffusionCheckpoint.Save(model, _dir, new(), "h", "c", 1, new());
        File.AppendAllText(Path.Combine(_dir, DiffusionCheckpoint.WeightsFile), "x");
        var e = Assert.Throws<InvalidDataException>(() => DiffusionCheckpoint.Load(_dir));
        Assert.Contains("do not match their manifest", e.Message);
    }

    [Fact]
    public void A_missing_model_folder_names_the_command_that_makes_it()
    {
        var e = Assert.Throws<FileNotFoundException>(() => DiffusionCheckpoint.Load(Path.Combine(_dir, "nope")));
        Assert.Contains("distok backbone train", e.Message);
    }
}
