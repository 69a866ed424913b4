using System.Text;
using DisTok.ML.Imaging;
using DisTok.Tests.Shared;
using SkiaSharp;

namespace DisTok.ML.Tests.Imaging;

public class UploadedImageTests
{
    [Theory]
    [InlineData(SKEncodedImageFormat.Png, "png")]
    [InlineData(SKEncodedImageFormat.Jpeg, "jpeg")]
    [InlineData(SKEncodedImageFormat.Webp, "webp")]
    public void The_three_formats_pass_with_the_size_their_header_states(SKEncodedImageFormat format, string name)
    {
        Assert.Equal((name, 80, 80), UploadedImage.Check(TestImages.Face(80, format)));
    }

    [Fact]
    public void Each_bad_file_is_refused_with_what_is_wrong()
    {
        string Refusal(byte[] bytes) => Assert.Throws<InvalidDataException>(() => UploadedImage.Check(bytes)).Message;
        Assert.Equal("the file is empty", Refusal([]));
        Assert.Equal("the file is not an image (PNG, JPEG or WebP)", Refusal(Encoding.UTF8.GetBytes("hello, not a picture")));
        Assert.Equal("GIF images are not read; send PNG, JPEG or WebP", Refusal(TestImages.Gif()));
        Assert.Equal("the image is 100000×100000 pixels; images up to 4096×4096 are read", Refusal(TestImages.PngClaiming(100_000, 100_000)));
        Assert.Equal("the image is 5000×10 pixels; images up to 4096×4096 are read", Refusal(TestImages.PngClaiming(5000, 10)));
        Assert.Contains("images up to 8 MB are read", Refusal(new byte[UploadedImage.MaxBytes + 1]));
    }

    [Fact]
    public void A_header_claiming_no_pixels_is_refused_before_decoding()
    {
        // SkiaSharp's codec already refuses a zero width, so the size check behind it is defence in depth.
        var message = Assert.Throws<InvalidDataException>(() => UploadedImage.Check(TestImages.PngClaiming(0, 64))).Message;
        Assert.Equal("the file is not an image (PNG, JPEG or WebP)", message);
    }
}
