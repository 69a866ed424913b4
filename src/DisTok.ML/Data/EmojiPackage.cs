namespace DisTok.ML.Data;

/// <summary>A pinned npm package that supplies emoji artwork.</summary>
/// <param name="Name">npm package name, e.g. <c>@lobehub/fluent-emoji-3d</c>.</param>
/// <param name="Version">Exact version.</param>
/// <param name="Sha256">Lower-case hex sha256 of the packed .tgz; any other file is refused.</param>
/// <param name="Kind">How the package stores its artwork.</param>
/// <param name="Styles">The renderings taken from it.</param>
/// <param name="Licence">SPDX licence of the artwork (may differ from the package's code licence).</param>
/// <param name="ArtworkBy">Who drew the artwork, for the NOTICE, e.g. <c>Google (Noto Emoji)</c>.</param>
/// <param name="NameForm">Spelling of names for name-keyed packages.</param>
/// <param name="NameOverrides">
/// Concept name → file or icon name, for the few emoji a package names in its own way
/// (e.g. Firefox OS Emoji draws the whole pig as <c>pigside</c> and the face as <c>pig</c>).
/// </param>
public sealed record EmojiPackage(
    string Name,
    string Version,
    string Sha256,
    EmojiSourceKind Kind,
    IReadOnlyList<EmojiPackageStyle> Styles,
    string Licence,
    string ArtworkBy,
    EmojiNameForm NameForm = EmojiNameForm.Kebab,
    IReadOnlyDictionary<string, string>? NameOverrides = null)
{
    /// <summary><c>name@version</c>, as given to <c>npm pack</c> and written to the manifest.</summary>
    public string Spec => $"{Name}@{Version}";

    /// <summary>The file name <c>npm pack</c> gives the tarball: scope without '@', '/' as '-'.</summary>
    public string TarballFileName => $"{Name.TrimStart('@').Replace('/', '-')}-{Version}.tgz";
}
