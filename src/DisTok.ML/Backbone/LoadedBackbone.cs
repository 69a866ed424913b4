using System.Text.Json.Nodes;
using DisTok.Core.Backbone;
using DisTok.ML.Diffusion.Pipelines;
using DisTok.ML.Onnx;
using DisTok.ML.Text;
using DisTok.ML.Vision;

namespace DisTok.ML.Backbone;

/// <summary>The three frozen parts loaded together: text encoder, text-to-image pipeline and soft labeler.</summary>
public sealed class LoadedBackbone : IDisposable
{
    LoadedBackbone(MiniLmTextEncoder encoder, TextToImagePipeline generator, SoftLabeler labeler, JsonObject versions)
    {
        Encoder = encoder;
        Generator = generator;
        Labeler = labeler;
        Versions = versions;
    }

    public MiniLmTextEncoder Encoder { get; }
    public TextToImagePipeline Generator { get; }
    public SoftLabeler Labeler { get; }

    /// <summary>sha256 of the diffusion and labeler weights, for manifests of models trained against them.</summary>
    public JsonObject Versions { get; }

    /// <summary>Loads {ModelsPath}/diffusion and {ModelsPath}/labeler (verified) and the MiniLM encoder.</summary>
    public static LoadedBackbone Load(BackboneOptions options)
    {
        var modelsDir = EmbeddedBackbone.ResolveModels(options.ModelsPath);
        OnnxLogging.Quiet();
        var encoder = EmbeddedBackbone.LoadTextEncoder(options);
        try
        {
            var generator = EmbeddedBackbone.LoadGenerator(options, encoder, out var diffusion);
            var labeler = SoftLabeler.Load(Path.Combine(modelsDir, "labeler"));
            var versions = new JsonObject
            {
                ["diffusion_sha256"] = diffusion.Sha256,
                ["labeler_sha256"] = labeler.WeightsSha256,
            };
            return new LoadedBackbone(encoder, generator, labeler, versions);
        }
        catch
        {
            encoder.Dispose();
            throw;
        }
    }

    /// <summary>Renders "a photo of a &lt;token&gt;" and returns the labeler's distribution over its concepts.</summary>
    public float[] Classify(float[] token, int seed, int? steps = null, string template = "a photo of a <*>") =>
        Labeler.Classify(Generator.Generate(new GenerationRequest(template, seed, steps, null, token)).Png);

    public void Dispose()
    {
        Generator.Dispose();
        Labeler.Dispose();
        Encoder.Dispose();
    }
}
