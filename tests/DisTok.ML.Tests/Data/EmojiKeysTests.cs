using DisTok.Core.Concepts;
using DisTok.ML.Data;

namespace DisTok.ML.Tests.Data;

public class EmojiKeysTests
{
    static EmojiPackage Pinned(string name) => EmojiPackages.Pinned.Single(p => p.Name == name);

    [Theory]
    [InlineData("palm tree", EmojiNameForm.Kebab, "palm-tree")]
    [InlineData("palm_tree", EmojiNameForm.Squashed, "palmtree")]
    [InlineData("LADY BEETLE", EmojiNameForm.Kebab, "lady-beetle")]
    public void Spell_joins_words_as_the_package_does(string phrase, EmojiNameForm form, string expected) =>
        Assert.Equal(expected, EmojiKeys.Spell(phrase, form));

    [Fact]
    public void Codepoint_candidates_try_with_then_without_the_variation_selector() =>
        Assert.Equal(["1f577-fe0f", "1f577"], EmojiKeys.Candidates(Pinned("emoji-datasource-google"), ConceptCatalog.Default.Get("spider"), null));

    [Fact]
    public void Name_candidates_prefer_the_unicode_name_then_drop_face()
    {
        var lion = ConceptCatalog.Default.Get("lion");
        var keys = EmojiKeys.Candidates(Pinned("fluentui-emoji"), lion, new EmojiInfo("1F981", "lion face", ["lion_face"]));

        Assert.Equal(["lion-face", "lion"], keys.Take(2));
    }

    [Fact]
    public void Overrides_come_first()
    {
        var keys = EmojiKeys.Candidates(Pinned("@iconify-json/fxemoji"), ConceptCatalog.Default.Get("pig"), new EmojiInfo("1F416", "pig", ["pig2"]));

        Assert.Equal("pigside", keys[0]);
    }

    [Fact]
    public void Tarball_file_name_follows_npm_pack() =>
        Assert.Equal("lobehub-fluent-emoji-3d-1.1.0.tgz", Pinned("@lobehub/fluent-emoji-3d").TarballFileName);
}
