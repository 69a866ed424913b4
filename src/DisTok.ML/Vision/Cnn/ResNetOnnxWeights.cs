using TorchSharp;
using static TorchSharp.torch;

namespace DisTok.ML.Vision.Cnn;

/// <summary>
/// Reads the ImageNet weights of ResNet18.onnx (Microsoft.ML.DnnImageFeaturizer.ResNet18) into a
/// <see cref="ResNetTrunk"/>: the graph's Conv and BatchNormalization nodes, in graph order, pair with the
/// trunk's layers in <see cref="ResNetTrunk.LayersInExportOrder"/>; every shape is checked.
/// </summary>
public static class ResNetOnnxWeights
{
    /// <summary>Copies the weights for the trunk's stages; throws <see cref="InvalidDataException"/> when the graph does not fit.</summary>
    public static void LoadInto(ResNetTrunk trunk, byte[] onnxModel)
    {
        var graph = global::Onnx.ModelProto.Parser.ParseFrom(onnxModel).Graph;
        var initializers = graph.Initializer.ToDictionary(i => i.Name);
        float[] Values(string name, long[] shape, string what)
        {
            if (!initializers.TryGetValue(name, out var init)) throw new InvalidDataException($"ResNet18.onnx: {what} '{name}' is not an initializer");
            if (!init.Dims.SequenceEqual(shape)) throw new InvalidDataException($"ResNet18.onnx: {what} '{name}' has shape [{string.Join(",", init.Dims)}], expected [{string.Join(",", shape)}]");
            if (init.FloatData.Count > 0) return init.FloatData.ToArray();
            var raw = init.RawData.Span;
            var values = new float[raw.Length / 4];
            System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(raw).CopyTo(values);
            return values;
        }
        var convs = graph.Node.Where(n => n.OpType == "Conv").ToList();
        var norms = graph.Node.Where(n => n.OpType == "BatchNormalization").ToList();
        var layers = trunk.LayersInExportOrder().ToList();
        if (layers.Count > convs.Count || layers.Count > norms.Count) throw new InvalidDataException($"ResNet18.onnx has {convs.Count} convolutions, the trunk needs {layers.Count}");
        using var _ = no_grad();
        for (int i = 0; i < layers.Count; i++)
        {
            var (conv, norm) = layers[i];
            var norm_ = norms[i];
            if (norm_.Input[0] != convs[i].Output[0]) throw new InvalidDataException($"ResNet18.onnx: batch norm {i} does not follow convolution {i}");
            conv.weight!.copy_(tensor(Values(convs[i].Input[1], conv.weight.shape, "conv weight"), conv.weight.shape));
            long c = norm.weight!.shape[0];
            norm.weight.copy_(tensor(Values(norm_.Input[1], [c], "bn scale")));
            norm.bias!.copy_(tensor(Values(norm_.Input[2], [c], "bn bias")));
            norm.running_mean!.copy_(tensor(Values(norm_.Input[3], [c], "bn mean")));
            norm.running_var!.copy_(tensor(Values(norm_.Input[4], [c], "bn variance")));
        }
    }
}
