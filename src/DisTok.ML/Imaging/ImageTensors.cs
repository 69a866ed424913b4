using static TorchSharp.torch;

namespace DisTok.ML.Imaging;

/// <summary>Pixels as bytes ↔ the networks' image tensors.</summary>
public static class ImageTensors
{
    /// <summary>N images of (size, size, 3) RGB bytes → (N, 3, size, size) floats in [-1, 1].</summary>
    public static Tensor FromRgb(IReadOnlyList<byte[]> rgb, int size)
    {
        int plane = size * size * 3;
        var pixels = new byte[rgb.Count * plane];
        for (int i = 0; i < rgb.Count; i++)
        {
            if (rgb[i].Length != plane) throw new ArgumentException($"image {i} has {rgb[i].Length} bytes, a {size}×{size} RGB image has {plane}");
            Buffer.BlockCopy(rgb[i], 0, pixels, i * plane, plane);
        }
        using var scope = NewDisposeScope();
        return tensor(pixels).reshape(rgb.Count, size, size, 3).permute(0, 3, 1, 2).to_type(ScalarType.Float32).div(127.5).sub(1).contiguous()
            .MoveToOuterDisposeScope();
    }
}
