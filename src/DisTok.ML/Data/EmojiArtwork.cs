using DisTok.Core.Concepts;

namespace DisTok.ML.Data;

/// <summary>The original artwork of one concept in one style, as found in a package.</summary>
/// <param name="Concept">The concept it shows.</param>
/// <param name="Package">The package it came from.</param>
/// <param name="Style">The rendering.</param>
/// <param name="Source">Path inside the package, or the icon name for icon sets.</param>
/// <param name="Raster">PNG/WebP bytes, or null for SVG artwork.</param>
/// <param name="Svg">An SVG document, or null for raster artwork.</param>
public sealed record EmojiArtwork(Concept Concept, EmojiPackage Package, EmojiPackageStyle Style, string Source, byte[]? Raster, string? Svg)
{
    /// <summary>Renders it to size×size RGB on white.</summary>
    public byte[] RenderRgb(int size)
    {
        var what = $"{Package.Spec}:{Source}";
        return Raster is not null ? EmojiRasterizer.RenderRaster(Raster, size, what) : EmojiRasterizer.RenderSvg(Svg!, size, what);
    }
}
