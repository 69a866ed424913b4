using SkiaSharp;

namespace DisTok.ML.Imaging;

/// <summary>
/// Checks an image a person sent before anything decodes it: a known format (PNG, JPEG, WebP), not empty, not larger
/// than <see cref="MaxBytes"/>, and a header whose size is above zero and within <see cref="MaxSide"/> and
/// <see cref="MaxPixels"/> — so a small file that claims a huge canvas (a decompression bomb) is refused unread.
/// </summary>
public static class UploadedImage
{
    public const int MaxBytes = 8 * 1024 * 1024;
    public const int MaxSide = 4096;
    public const long MaxPixels = 16L * 1024 * 1024;

    /// <summary>Returns the format and size the header states. Throws <see cref="InvalidDataException"/> with a message a person can act on.</summary>
    public static (string Format, int Width, int Height) Check(byte[] encoded)
    {
        if (encoded.Length == 0) throw new InvalidDataException("the file is empty");
        if (encoded.Length > MaxBytes) throw new InvalidDataException($"the file is {encoded.Length / 1048576.0:0.#} MB; images up to {MaxBytes / 1048576} MB are read");
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data) ?? throw new InvalidDataException("the file is not an image (PNG, JPEG or WebP)");
        var format = codec.EncodedFormat switch
        {
            SKEncodedImageFormat.Png => "png",
            SKEncodedImageFormat.Jpeg => "jpeg",
            SKEncodedImageFormat.Webp => "webp",
            var other => throw new InvalidDataException($"{other.ToString().ToUpperInvariant()} images are not read; send PNG, JPEG or WebP"),
        };
        int w = codec.Info.Width, h = codec.Info.Height;
        if (w <= 0 || h <= 0) throw new InvalidDataException("the image has no pixels (its width or height is 0)");
        if (w > MaxSide || h > MaxSide || (long)w * h > MaxPixels)
            throw new InvalidDataException($"the image is {w}×{h} pixels; images up to {MaxSide}×{MaxSide} are read");
        return (format, w, h);
    }
}
