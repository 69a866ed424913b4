namespace DisTok.ML.Data;

/// <summary>One rendering a package provides.</summary>
/// <param name="Style">Style name written to the manifest, e.g. <c>fluent-flat</c>; also the image file name.</param>
/// <param name="Design">Design family, for leave-one-design-out folds, e.g. <c>fluent</c>.</param>
/// <param name="PathTemplate">
/// Path inside the package (relative to its root folder). For file-per-emoji packages it contains
/// <c>{key}</c>, replaced by the codepoint or name, e.g. <c>img/google/64/{key}.png</c>;
/// for Iconify sets it is the icons file, <c>icons.json</c>.
/// </param>
public sealed record EmojiPackageStyle(string Style, string Design, string PathTemplate)
{
    /// <summary>The placeholder in <see cref="PathTemplate"/>.</summary>
    public const string KeyPlaceholder = "{key}";

    /// <summary>The package path for one codepoint or name.</summary>
    public string PathFor(string key) => PathTemplate.Replace(KeyPlaceholder, key, StringComparison.Ordinal);
}
