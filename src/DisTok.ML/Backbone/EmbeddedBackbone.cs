using DisTok.Core.Backbone;
using DisTok.ML.Diffusion.Models;
using DisTok.ML.Diffusion.Pipelines;
using DisTok.ML.ModelFiles;
using DisTok.ML.Text;
using DisTok.ML.Torch;

namespace DisTok.ML.Backbone;

/// <summary>
/// The default backbone assembled from its parts: MiniLM text encoder (from its package) and the
/// text-to-image model trained on the emoji set (from models/diffusion).
/// </summary>
public static class EmbeddedBackbone
{
    /// <summary>Loads the text encoder (and applies the thread setting, which is process-wide).</summary>
    public static MiniLmTextEncoder LoadTextEncoder(BackboneOptions options)
    {
        if (options.Threads < 0) throw new ArgumentException($"threads must be 0 (all cores) or more, got {options.Threads}");
        if (options.Threads > 0) TorchSharp.torch.set_num_threads(options.Threads);
        return MiniLmTextEncoder.Load(TorchRuntime.ResolveDevice(options.Device) == TorchSharp.torch.CPU ? "cpu" : "cuda");
    }

    /// <summary>Loads the text-to-image pipeline from {ModelsPath}/diffusion. Clear errors for missing or altered files.</summary>
    public static TextToImagePipeline LoadGenerator(BackboneOptions options, ITextEncoder encoder) => LoadGenerator(options, encoder, out _);

    /// <summary>As <see cref="LoadGenerator(BackboneOptions, ITextEncoder)"/>, also giving the verified manifest (weights hashed once).</summary>
    public static TextToImagePipeline LoadGenerator(BackboneOptions options, ITextEncoder encoder, out ModelManifest manifest)
    {
        var dir = Path.Combine(ResolveModels(options.ModelsPath), "diffusion");
        (var model, manifest) = DiffusionCheckpoint.Load(dir);
        return new TextToImagePipeline(encoder, model, options.DefaultSteps, options.DefaultGuidance);
    }

    /// <summary>Relative model paths are taken from the current folder when it has them, else from the app's base folder.</summary>
    public static string ResolveModels(string path)
    {
        if (Path.IsPathRooted(path) || Directory.Exists(path)) return Path.GetFullPath(path);
        return Path.Combine(AppContext.BaseDirectory, path);
    }
}
