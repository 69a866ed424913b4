using DisTok.Core.Concepts;
using DisTok.ML.Data;

namespace DisTok.ML.Tests.Data;

/// <summary>A temporary folder with a copy of the fixture package cache (Fixtures/emoji) and an output folder.</summary>
public sealed class EmojiFixture : IDisposable
{
    public static readonly IReadOnlyDictionary<string, string> Sha256ByPackage = new Dictionary<string, string>
    {
        ["emoji-datasource-google"] = "a5471e60bcc5cb327155298c8cb9425274a89d4fd5c6145969b8638b45dc6d68",
        ["fluentui-emoji"] = "5c3b3cb71ba99c67c7fdf73c616b657bf4712c684fddb206cdeada19bc648a5c",
        ["@iconify-json/noto-v1"] = "6fba221157de39f598eccb9cec54544760dffaf29fc958fbb4cbcc18a0175575",
    };

    /// <summary>The pinned definitions of the three fixture packages, with the fixtures' hashes.</summary>
    public static IReadOnlyList<EmojiPackage> Packages { get; } = EmojiPackages.Pinned
        .Where(p => Sha256ByPackage.ContainsKey(p.Name))
        .Select(p => p with { Sha256 = Sha256ByPackage[p.Name] })
        .ToArray();

    /// <summary>pig, spider and lion are in the fixtures; guitar is in none.</summary>
    public static ConceptCatalog Concepts { get; } =
        new(new[] { "pig", "spider", "lion", "guitar" }.Select(ConceptCatalog.Default.Get).ToArray());

    public string Root { get; } = Directory.CreateTempSubdirectory("distok-emoji-").FullName;
    public string Cache => Path.Combine(Root, "cache");
    public string Output => Path.Combine(Root, "out");

    public EmojiFixture()
    {
        Directory.CreateDirectory(Cache);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "emoji"), "*.tgz"))
            File.Copy(file, Path.Combine(Cache, Path.GetFileName(file)));
    }

    /// <summary>Build options over the fixture cache; npm points nowhere, so any fetch attempt fails loudly.</summary>
    public EmojiBuildOptions Options(string? output = null) => new()
    {
        OutputDirectory = output ?? Output,
        CacheDirectory = Cache,
        Packages = Packages,
        Concepts = Concepts,
        NpmCommand = Path.Combine(Root, "no-npm-here"),
    };

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
