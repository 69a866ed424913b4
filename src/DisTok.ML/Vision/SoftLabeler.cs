using System.Text.Json;
using DisTok.Core.Backbone;
using DisTok.Core.Concepts;
using DisTok.ML.Imaging;

namespace DisTok.ML.Vision;

/// <summary>
/// The soft labeler (the paper's VLM): encoded image → 64×64 RGB on white → ResNet18 features (and those of
/// the mirror image) → trained head → softmax(logits / T) over the 60 concepts.
/// Thread-safe: the head is immutable and ONNX Runtime sessions allow concurrent runs.
/// </summary>
public sealed class SoftLabeler : ISoftLabeler, IDisposable
{
    /// <summary>Side the images are decoded to, the data set's size.</summary>
    public const int ImageSize = 64;

    readonly ResNet18Featurizer _featurizer;
    readonly bool _ownsFeaturizer;

    public LabelerHead Head { get; }
    public double Temperature { get; }
    public bool FlipTestTime { get; }
    public IReadOnlyList<string> Concepts { get; }

    /// <summary>The manifest the labeler was loaded from (null when built in memory).</summary>
    public LabelerManifest? Manifest { get; init; }

    public SoftLabeler(LabelerHead head, double temperature, bool flipTestTime, ResNet18Featurizer featurizer, bool ownsFeaturizer = false)
    {
        if (head.Classes != ConceptCatalog.Default.Count) throw new InvalidDataException($"labeler head has {head.Classes} outputs, the concept catalog {ConceptCatalog.Default.Count}");
        if (head.Inputs != ResNet18Featurizer.FeatureSize) throw new InvalidDataException($"labeler head takes {head.Inputs} features, ResNet18 gives {ResNet18Featurizer.FeatureSize}");
        if (!(temperature > 0) || double.IsInfinity(temperature)) throw new InvalidDataException($"labeler temperature must be positive, got {temperature}");
        (Head, Temperature, FlipTestTime, _featurizer, _ownsFeaturizer) = (head, temperature, flipTestTime, featurizer, ownsFeaturizer);
        Concepts = ConceptCatalog.Default.Concepts.Select(c => c.Name).ToList();
    }

    /// <summary>
    /// Loads models/labeler/-style folders (manifest.json + head.bin). Throws <see cref="DirectoryNotFoundException"/>,
    /// <see cref="FileNotFoundException"/> or <see cref="InvalidDataException"/> with the reason when something is missing or corrupt.
    /// </summary>
    public static SoftLabeler Load(string modelDirectory, ResNet18ModelFiles? files = null, int intraOpThreads = 0, Action<string>? log = null)
    {
        var manifest = ReadManifest(modelDirectory);
        var weightsPath = Path.Combine(modelDirectory, manifest.Weights);
        if (!File.Exists(weightsPath)) throw new FileNotFoundException($"labeler weights '{weightsPath}' are missing", weightsPath);
        var bytes = File.ReadAllBytes(weightsPath);
        if (StableHash.Sha256Hex(bytes) != manifest.WeightsSha256)
            throw new InvalidDataException($"labeler weights '{weightsPath}' do not match the sha256 in {LabelerManifest.FileName} (corrupt or replaced); retrain with `{manifest.Command}`");
        var head = LabelerHeadFile.FromBytes(bytes, weightsPath);
        var featurizer = new ResNet18Featurizer(files, intraOpThreads, log);
        try
        {
            return new SoftLabeler(head, manifest.Temperature, manifest.FlipTestTime, featurizer, ownsFeaturizer: true) { Manifest = manifest };
        }
        catch
        {
            featurizer.Dispose();
            throw;
        }
    }

    static LabelerManifest ReadManifest(string modelDirectory)
    {
        if (!Directory.Exists(modelDirectory)) throw new DirectoryNotFoundException($"no labeler model folder at '{modelDirectory}'");
        var path = Path.Combine(modelDirectory, LabelerManifest.FileName);
        if (!File.Exists(path)) throw new FileNotFoundException($"labeler manifest '{path}' is missing", path);
        LabelerManifest? manifest;
        try { manifest = JsonSerializer.Deserialize<LabelerManifest>(File.ReadAllBytes(path), LabelerManifest.JsonOptions); }
        catch (JsonException e) { throw new InvalidDataException($"labeler manifest '{path}' is not valid JSON: {e.Message}"); }
        if (manifest is null || manifest.Format != LabelerManifest.CurrentFormat || string.IsNullOrEmpty(manifest.Weights) || manifest.Concepts is null)
            throw new InvalidDataException($"labeler manifest '{path}' is not a {LabelerManifest.CurrentFormat} manifest");
        var expected = ConceptCatalog.Default.Concepts.Select(c => c.Name);
        if (!manifest.Concepts.SequenceEqual(expected, StringComparer.OrdinalIgnoreCase))
            throw new InvalidDataException($"labeler manifest '{path}' lists other concepts than the catalog (or another order); retrain it");
        return manifest;
    }

    /// <summary>Encoded image bytes → probabilities over <see cref="Concepts"/>, summing to 1.</summary>
    public float[] Classify(byte[] encodedImage)
    {
        ArgumentNullException.ThrowIfNull(encodedImage);
        if (encodedImage.Length == 0) throw new InvalidDataException("image is empty (0 bytes)");
        return ClassifyRgb(RgbImage.DecodeToRgb(encodedImage, ImageSize), ImageSize);
    }

    /// <summary>rgb: (size, size, 3) bytes on white → probabilities over <see cref="Concepts"/>.</summary>
    public float[] ClassifyRgb(byte[] rgb, int size)
    {
        var features = _featurizer.Featurize(rgb, size);
        var mirror = FlipTestTime ? _featurizer.Featurize(ImageAugmenter.FlipHorizontal(rgb, size), size) : null;
        return Softmax.Apply(Head.Logits(features, mirror), Temperature);
    }

    public void Dispose()
    {
        if (_ownsFeaturizer) _featurizer.Dispose();
    }
}
