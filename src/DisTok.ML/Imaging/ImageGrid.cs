using SkiaSharp;

namespace DisTok.ML.Imaging;

/// <summary>Lays encoded images out in a grid (contact sheets for reports and eval grids).</summary>
public static class ImageGrid
{
    /// <summary>Composes images row by row into one PNG; each cell is <paramref name="cell"/> pixels square, 2 px gaps, white.</summary>
    public static byte[] Compose(IReadOnlyList<byte[]> images, int columns, int cell = 64)
    {
        if (images.Count == 0) throw new ArgumentException("no images to lay out");
        if (columns < 1) throw new ArgumentException("columns must be at least 1");
        const int gap = 2;
        int rows = (images.Count + columns - 1) / columns;
        using var surface = SKSurface.Create(new SKImageInfo(columns * (cell + gap) + gap, rows * (cell + gap) + gap));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        var sampling = new SKSamplingOptions(SKFilterMode.Nearest);
        for (int i = 0; i < images.Count; i++)
        {
            using var img = SKImage.FromEncodedData(images[i]) ?? throw new InvalidDataException($"image {i} is not readable");
            var dest = SKRect.Create(gap + (i % columns) * (cell + gap), gap + (i / columns) * (cell + gap), cell, cell);
            canvas.DrawImage(img, dest, sampling);
        }
        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
