using DisTok.ML.Onnx;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Google.Protobuf;

namespace DisTok.ML.Vision;

/// <summary>
/// ImageNet-pretrained ResNet18 (ONNX, no class head) as a frozen feature extractor:
/// (S, S, 3) RGB bytes → resized to 224×224 → ResNetPreprocess.onnx → ResNet18.onnx →
/// [final pooled 512 | global mean of two mid-level activation maps]. Mid-level features describe
/// shapes and strokes more than ImageNet categories, which transfers better across drawing styles.
/// Thread-safe: ONNX Runtime sessions allow concurrent Run calls.
/// </summary>
public sealed class ResNet18Featurizer : IDisposable
{
    /// <summary>Length of the final pooled feature vector (the first part of every feature vector).</summary>
    public const int FinalFeatureSize = 512;
    /// <summary>Length of one feature vector: final 512 + mid-level 256 + 128 channels.</summary>
    public const int FeatureSize = 896;
    /// <summary>Side the network expects.</summary>
    public const int InputSide = 224;

    const string PreprocessInput = "OriginalInput";
    const string NetworkInput = "Input247";
    const string NetworkOutput = "Pooling395_Output_0";
    /// <summary>ReLU outputs after the 6th and 4th residual blocks (1, C, H, W), exposed as extra graph outputs.</summary>
    static readonly string[] MidLevelOutputs = ["ReLU347_Output_0", "ReLU315_Output_0"];

    readonly InferenceSession _preprocess;
    readonly InferenceSession _network;

    /// <summary>Loads both graphs. Throws <see cref="FileNotFoundException"/> when a file is missing.</summary>
    /// <param name="files">Model files; default: DnnImageModels/ next to the assemblies.</param>
    /// <param name="intraOpThreads">ONNX Runtime threads per call (0 = its default; 1 keeps long runs polite).</param>
    /// <param name="log">Receives the provider line (CUDA or CPU).</param>
    public ResNet18Featurizer(ResNet18ModelFiles? files = null, int intraOpThreads = 0, Action<string>? log = null)
    {
        files ??= ResNet18ModelFiles.In();
        files.EnsureExist();
        _preprocess = OnnxSessionFactory.Create(File.ReadAllBytes(files.Preprocess), "ResNetPreprocess", log: log, intraOpThreads: intraOpThreads);
        _network = OnnxSessionFactory.Create(WithExtraOutputs(File.ReadAllBytes(files.Network), MidLevelOutputs), "ResNet18", log: log, intraOpThreads: intraOpThreads);
    }

    /// <summary>rgb: (size, size, 3) bytes → FeatureSize (896) features.</summary>
    public float[] Featurize(byte[] rgb, int size)
    {
        // x: (1, 3, 224, 224) planar RGB 0–255
        var x = new DenseTensor<float>(new[] { 1, 3, InputSide, InputSide });
        PlanarResize.ToPlanar(rgb, size, InputSide, x.Buffer.Span);
        using var prep = _preprocess.Run(new[] { NamedOnnxValue.CreateFromTensor(PreprocessInput, x) });
        var bgr = prep.First().AsTensor<float>(); // (1, 3, 224, 224) BGR minus mean image
        using var outputs = _network.Run(new[] { NamedOnnxValue.CreateFromTensor(NetworkInput, bgr) }, [NetworkOutput, .. MidLevelOutputs]);
        var features = new float[FeatureSize];
        int offset = 0;
        foreach (var output in outputs) // final (1, 512, 1, 1), then (1, C, H, W) maps, averaged over H, W
        {
            var t = output.AsTensor<float>();
            int channels = t.Dimensions[1], plane = t.Dimensions[2] * t.Dimensions[3];
            if (offset + channels > FeatureSize) throw new InvalidOperationException($"ResNet18 gave more than {FeatureSize} feature channels");
            var values = ((DenseTensor<float>)t).Buffer.Span;
            for (int c = 0; c < channels; c++)
            {
                float sum = 0;
                foreach (var v in values.Slice(c * plane, plane)) sum += v;
                features[offset + c] = sum / plane;
            }
            offset += channels;
        }
        if (offset != FeatureSize) throw new InvalidOperationException($"ResNet18 returned {offset} feature channels, expected {FeatureSize}");
        return features;
    }

    /// <summary>A batch of (size, size, 3) images → (N, FeatureSize). The graphs take one image per call, so this loops.</summary>
    public float[][] Featurize(IReadOnlyList<byte[]> rgbImages, int size, CancellationToken ct = default)
    {
        var result = new float[rgbImages.Count][];
        for (int i = 0; i < rgbImages.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            result[i] = Featurize(rgbImages[i], size);
        }
        return result;
    }

    /// <summary>Adds intermediate tensors as graph outputs so ONNX Runtime returns them (float tensors, shape left open).</summary>
    static byte[] WithExtraOutputs(byte[] model, IEnumerable<string> names)
    {
        var proto = global::Onnx.ModelProto.Parser.ParseFrom(model);
        foreach (var name in names)
        {
            if (!proto.Graph.Node.Any(n => n.Output.Contains(name))) throw new InvalidDataException($"ResNet18.onnx has no tensor '{name}' (unexpected model version)");
            proto.Graph.Output.Add(new global::Onnx.ValueInfoProto
            {
                Name = name,
                Type = new global::Onnx.TypeProto { TensorType = new global::Onnx.TypeProto.Types.Tensor { ElemType = (int)global::Onnx.TensorProto.Types.DataType.Float } },
            });
        }
        return proto.ToByteArray();
    }

    public void Dispose()
    {
        _preprocess.Dispose();
        _network.Dispose();
    }
}
