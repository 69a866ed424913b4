namespace DisTok.ML.Data;

/// <summary>How an emoji package names and stores its artwork.</summary>
public enum EmojiSourceKind
{
    /// <summary>One raster file per emoji, named by lower-case codepoints (e.g. <c>1f577-fe0f.png</c>).</summary>
    CodepointFiles,

    /// <summary>One SVG file per emoji, named by the emoji's name (e.g. <c>palm-tree.svg</c>).</summary>
    NamedFiles,

    /// <summary>An Iconify <c>icons.json</c> holding SVG bodies keyed by icon name.</summary>
    IconifyIconSet,
}
