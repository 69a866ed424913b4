using System.Text.Json;
using DisTok.Core.Backbone;
using DisTok.Core.Concepts;
using DisTok.ML.Imaging;
using DisTok.ML.Vision.Cnn;

namespace DisTok.ML.Vision;

/// <summary>
/// A soft labeler (the paper's VLM): encoded image → 64×64 RGB on white → logits of the image (and of its mirror,
/// averaged) → softmax(logits / T) over the 60 concepts. Two kinds of model give the logits: the fine-tuned
/// ResNet18 (<see cref="ConceptNet"/>, models/labeler) and a trained head on frozen ONNX ResNet18 features
/// (<see cref="LabelerHead"/>, the independent judge in models/judge). <see cref="Load"/> reads either.
/// Thread-safe: the head is immutable, ONNX Runtime sessions allow concurrent runs, and the network runs under a lock.
/// </summary>
public sealed class SoftLabeler : ISoftLabeler, IDisposable
{
    /// <summary>Side the images are decoded to, the data set's size.</summary>
    public const int ImageSize = 64;

    readonly Func<byte[], int, float[]> _logits; // rgb (size, size, 3), size → K logits (mirror averaged when asked)
    readonly IDisposable? _owned;

    public double Temperature { get; }
    public bool FlipTestTime { get; }
    public IReadOnlyList<string> Concepts { get; }

    /// <summary>The head-on-features manifest the labeler was loaded from (null for the fine-tuned kind or when built in memory).</summary>
    public LabelerManifest? Manifest { get; init; }

    /// <summary>The fine-tuned network's manifest (null for the head-on-features kind).</summary>
    public CnnLabelerManifest? NetworkManifest { get; init; }

    /// <summary>sha256 of the weights that give the logits (null when built in memory).</summary>
    public string? WeightsSha256 => NetworkManifest?.WeightsSha256 ?? Manifest?.WeightsSha256;

    /// <summary>A labeler from a head on frozen ResNet18 features.</summary>
    public SoftLabeler(LabelerHead head, double temperature, bool flipTestTime, ResNet18Featurizer featurizer, bool ownsFeaturizer = false)
        : this(temperature, flipTestTime, ownsFeaturizer ? featurizer : null, (rgb, size) =>
            head.Logits(featurizer.Featurize(rgb, size), flipTestTime ? featurizer.Featurize(ImageAugmenter.FlipHorizontal(rgb, size), size) : null))
    {
        if (head.Classes != ConceptCatalog.Default.Count) throw new InvalidDataException($"labeler head has {head.Classes} outputs, the concept catalog {ConceptCatalog.Default.Count}");
        if (head.Inputs != ResNet18Featurizer.FeatureSize) throw new InvalidDataException($"labeler head takes {head.Inputs} features, ResNet18 gives {ResNet18Featurizer.FeatureSize}");
    }

    /// <summary>A labeler from a fine-tuned network (in eval mode); it is disposed with the labeler when <paramref name="ownsNetwork"/>.</summary>
    public SoftLabeler(ConceptNet network, double temperature, bool flipTestTime, bool ownsNetwork = false)
        : this(temperature, flipTestTime, ownsNetwork ? network : null, NetworkLogits(network, flipTestTime))
    {
        if (network.Classes != ConceptCatalog.Default.Count) throw new InvalidDataException($"labeler network has {network.Classes} outputs, the concept catalog {ConceptCatalog.Default.Count}");
    }

    SoftLabeler(double temperature, bool flipTestTime, IDisposable? owned, Func<byte[], int, float[]> logits)
    {
        if (!(temperature > 0) || double.IsInfinity(temperature)) throw new InvalidDataException($"labeler temperature must be positive, got {temperature}");
        (Temperature, FlipTestTime, _owned, _logits) = (temperature, flipTestTime, owned, logits);
        Concepts = ConceptCatalog.Default.Concepts.Select(c => c.Name).ToList();
    }

    static Func<byte[], int, float[]> NetworkLogits(ConceptNet network, bool flip)
    {
        var gate = new object();
        return (rgb, size) => { lock (gate) return CnnLabelerTrainer.Logits(network, [rgb], size, flip)[0]; };
    }

    /// <summary>
    /// Loads a labeler folder: manifest.json with model.bin (fine-tuned network) or head.bin (head on frozen features).
    /// Throws <see cref="DirectoryNotFoundException"/>, <see cref="FileNotFoundException"/> or <see cref="InvalidDataException"/>
    /// with the reason when something is missing or corrupt.
    /// </summary>
    public static SoftLabeler Load(string modelDirectory, ResNet18ModelFiles? files = null, int intraOpThreads = 0, Action<string>? log = null)
    {
        if (ReadNetworkManifest(modelDirectory) is { } networkManifest)
        {
            var (net, _) = CnnLabelerFile.Load(modelDirectory, networkManifest);
            log?.Invoke($"soft labeler: fine-tuned ResNet18 (TorchSharp), T {networkManifest.Temperature}");
            return new SoftLabeler(net, networkManifest.Temperature, networkManifest.Config.FlipTestTime, ownsNetwork: true) { NetworkManifest = networkManifest };
        }
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

    /// <summary>The folder's manifest when it is a fine-tuned network's (null for any other format, read by <see cref="ReadManifest"/>).</summary>
    static CnnLabelerManifest? ReadNetworkManifest(string modelDirectory)
    {
        var path = Path.Combine(modelDirectory, LabelerManifest.FileName);
        if (!File.Exists(path)) return null;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            if (!doc.RootElement.TryGetProperty("format", out var format) || format.GetString() != CnnLabelerManifest.CurrentFormat) return null;
            return doc.RootElement.Deserialize<CnnLabelerManifest>(LabelerManifest.JsonOptions)
                ?? throw new InvalidDataException($"labeler manifest '{path}' is empty");
        }
        catch (JsonException e) { throw new InvalidDataException($"labeler manifest '{path}' is not valid JSON: {e.Message}"); }
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
    public float[] ClassifyRgb(byte[] rgb, int size) => Softmax.Apply(_logits(rgb, size), Temperature);

    public void Dispose() => _owned?.Dispose();
}
