using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace DisTok.Tests.Shared;

/// <summary>Images for upload tests (linked into the ML and web tests): a real drawing, other formats, and hostile files.</summary>
public static class TestImages
{
    /// <summary>A pink disc with two dark eyes on white, side × side, encoded as <paramref name="format"/>.</summary>
    public static byte[] Face(int side = 64, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(side, side, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var pink = new SKPaint { Color = new SKColor(0xF4, 0x9A, 0xB0), IsAntialias = true };
            using var dark = new SKPaint { Color = new SKColor(0x30, 0x20, 0x20), IsAntialias = true };
            canvas.DrawCircle(side / 2f, side / 2f, side * 0.4f, pink);
            canvas.DrawCircle(side * 0.38f, side * 0.42f, side * 0.05f, dark);
            canvas.DrawCircle(side * 0.62f, side * 0.42f, side * 0.05f, dark);
        }
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>A 1×1 GIF (a real image in a format the studio does not read).</summary>
    public static byte[] Gif() => Convert.FromBase64String("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==");

    /// <summary>
    /// A PNG of a few dozen bytes whose header claims width × height pixels (a decompression bomb's first step): signature,
    /// IHDR with a correct CRC, an empty IDAT and IEND.
    /// </summary>
    public static byte[] PngClaiming(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; ihdr[9] = 2;   // 8-bit RGB, deflate, no filter, no interlace
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    static uint Crc32(byte[] bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
