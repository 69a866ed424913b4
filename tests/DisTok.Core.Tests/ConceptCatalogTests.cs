using DisTok.Core.Concepts;

namespace DisTok.Core.Tests;

public class ConceptCatalogTests
{
    [Fact]
    public void Default_catalog_has_the_60_concepts_in_file_order()
    {
        var c = ConceptCatalog.Default;
        Assert.Equal(60, c.Count);
        Assert.Equal("pig", c[0].Name);
        Assert.Equal("guitar", c[59].Name);
        Assert.Equal("palm tree", c.Get("palm_tree").PromptWord);
        Assert.Equal("1F577-FE0F", c.Get("spider").Codepoint);
    }

    [Fact]
    public void Lookup_ignores_case_and_surrounding_space()
    {
        Assert.Equal(1, ConceptCatalog.Default.IndexOf("  Sheep "));
    }

    [Fact]
    public void Unknown_names_get_a_clear_error()
    {
        var e = Assert.Throws<UnknownConceptException>(() => ConceptCatalog.Default.IndexOf("griffin"));
        Assert.Contains("unknown concept 'griffin'", e.Message);
        Assert.False(ConceptCatalog.Default.TryIndexOf("griffin", out _));
    }

    [Fact]
    public void Parse_rejects_malformed_files()
    {
        Assert.Throws<FormatException>(() => ConceptCatalog.Parse(new StringReader("")));
        Assert.Throws<FormatException>(() => ConceptCatalog.Parse(new StringReader("name\tx\n")));
        var e = Assert.Throws<FormatException>(() => ConceptCatalog.Parse(new StringReader("concept\tprompt_word\temoji_codepoint\tunicode_name\npig\tpig\n")));
        Assert.Contains("line 2", e.Message);
    }

    [Fact]
    public void Duplicate_names_are_refused()
    {
        var text = "concept\tprompt_word\temoji_codepoint\tunicode_name\npig\tpig\t1F416\tpig\nPig\tpig\t1F416\tpig\n";
        Assert.Throws<ArgumentException>(() => ConceptCatalog.Parse(new StringReader(text)));
    }
}
