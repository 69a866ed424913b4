using DisTok.Core.Concepts;
using DisTok.ML.Diffusion.Hybrids;
using DisTok.ML.Diffusion.Training;

namespace DisTok.ML.Tests.Diffusion;

public class HybridSetTests
{
    [Fact]
    public void The_plan_is_fixed_by_the_seed_and_pairs_two_different_concepts()
    {
        var o = new HybridSetOptions(Images: 50, Seed: 9);
        var plan = HybridSetBuilder.Plan(o, ConceptCatalog.Default);
        Assert.Equal(plan, HybridSetBuilder.Plan(o, ConceptCatalog.Default));
        Assert.NotEqual(plan, HybridSetBuilder.Plan(o with { Seed = 10 }, ConceptCatalog.Default));
        Assert.Equal(50, plan.Count);
        Assert.All(plan, e => Assert.NotEqual(e.A, e.B));
        Assert.Equal(50, plan.Select(e => e.File).Distinct().Count());
        Assert.All(plan, e => Assert.Contains(e.WeightA, o.WeightsOrDefault));
    }

    [Fact]
    public void Every_pair_comes_once_before_any_comes_again()
    {
        var plan = HybridSetBuilder.Plan(new HybridSetOptions(Images: 1770), ConceptCatalog.Default);
        Assert.Equal(1770, plan.Select(e => string.Join("+", new[] { e.A, e.B }.Order())).Distinct().Count());
    }

    [Fact]
    public void Layout_drawings_are_drawn_by_the_seed_from_the_first_concept_s_real_art()
    {
        var layouts = ConceptCatalog.Default.Concepts.Select(c => c.Name)
            .ToDictionary(n => n, n => (IReadOnlyList<string>)[$"images/{n}/twemoji.png", $"images/{n}/noto.png"]);
        var o = new HybridSetOptions(Images: 200, Seed: 4, Methods: [HybridMethod.Composable, HybridMethod.Layout]);
        var plan = HybridSetBuilder.Plan(o, ConceptCatalog.Default, layouts);
        Assert.Equal(plan, HybridSetBuilder.Plan(o, ConceptCatalog.Default, layouts));
        Assert.All(plan.Where(e => e.Method == HybridMethod.Layout), e => Assert.StartsWith($"images/{e.A}/", e.Layout));
        Assert.All(plan.Where(e => e.Method == HybridMethod.Composable), e => Assert.Null(e.Layout));
        Assert.Equal(2, plan.Where(e => e.Layout is not null).Select(e => Path.GetFileName(e.Layout)).Distinct().Count());
        // a set without the layout method plans the same with or without the art (older sets stay reproducible)
        var composable = new HybridSetOptions(Images: 30, Seed: 4);
        Assert.Equal(HybridSetBuilder.Plan(composable, ConceptCatalog.Default), HybridSetBuilder.Plan(composable, ConceptCatalog.Default, layouts));
        Assert.Contains("emoji data set", Assert.Throws<ArgumentException>(() => HybridSetBuilder.Plan(o, ConceptCatalog.Default)).Message);
    }

    [Fact]
    public void Layout_start_time_falls_as_the_first_concept_s_weight_grows()
    {
        Assert.Equal(0.8, HybridSetBuilder.LayoutKMax(0.5f), 6);
        Assert.True(HybridSetBuilder.LayoutKMax(0.65f) < HybridSetBuilder.LayoutKMax(0.35f));
        var e = new HybridEntry("x.png", "pig", "sheep", 0.5f, HybridMethod.Layout, 1, Layout: "images/pig/noto.png");
        Assert.Equal([0f, 1f], HybridSetBuilder.WeightsAt(e, 0, 20)); // the content is B's alone; A is the layout
    }

    [Fact]
    public void Bad_options_are_refused()
    {
        Assert.Contains("ν", Assert.Throws<ArgumentException>(() => new HybridSetOptions(LayoutNu: 0f).Validate()).Message);
        Assert.Contains("k_min", Assert.Throws<ArgumentException>(() => new HybridSetOptions(LayoutKMin: 0.9).Validate()).Message);
        Assert.Throws<ArgumentException>(() => new HybridSetOptions(Images: 0).Validate());
        Assert.Throws<ArgumentException>(() => new HybridSetOptions(Weights: [1f]).Validate());
        Assert.Throws<ArgumentException>(() => new HybridSetOptions(Template: "a photo").Validate());
    }

    [Fact]
    public void Hybrid_captions_name_both_concepts_with_the_dominant_first()
    {
        var pigMostly = CaptionBuilder.ForHybrid(new HybridEntry("x", "pig", "sheep", 0.65f, HybridMethod.Composable, 1));
        Assert.Contains("a pig sheep", pigMostly);
        Assert.DoesNotContain("a sheep pig", pigMostly);
        Assert.Contains(pigMostly, c => c.StartsWith("a pig with ") && c.Contains("sheep"));
        var sheepMostly = CaptionBuilder.ForHybrid(new HybridEntry("x", "pig", "sheep", 0.35f, HybridMethod.Composable, 1));
        Assert.Contains("a sheep pig", sheepMostly);
        var even = CaptionBuilder.ForHybrid(new HybridEntry("x", "pig", "sheep", 0.5f, HybridMethod.Composable, 1));
        Assert.Contains("a pig sheep", even);
        Assert.Contains("a sheep pig", even);
        Assert.All(even, c => Assert.True(c.Contains("pig") && c.Contains("sheep"), c));
    }

    [Fact]
    public void Image_captions_keep_the_concept_word_for_about_half_and_add_synonyms_and_looks()
    {
        var captions = CaptionBuilder.For("pig", "noto");
        Assert.Equal(2, captions.Count(c => c == "a photo of a pig")); // the own-word captions are listed twice
        Assert.Equal(2, captions.Count(c => c == "pig"));
        Assert.InRange(2.0 * captions.Distinct().Count(c => c.Contains("pig") && !c.Contains("piglet") && !c.Contains("pink pig") && !c.Contains(" with ")) / captions.Count, 0.4, 0.7);
        Assert.Contains("a pig in cartoon style", captions);
        Assert.Contains(captions, c => c.Contains("piglet"));
        Assert.Equal("palm tree", ConceptCatalog.Default.Get("palm_tree").PromptWord);
        Assert.Contains("a photo of a palm tree", CaptionBuilder.For("palm_tree", "twemoji"));
    }

    [Fact]
    public void The_caption_file_covers_every_concept_and_bad_files_are_refused()
    {
        Assert.All(ConceptCatalog.Default.Concepts, c => Assert.NotEmpty(ConceptCaptions.For(c.Name).Parts));
        var header = "concept\tsynonyms\tlooks\tparts\n";
        Assert.Throws<FormatException>(() => ConceptCaptions.Parse(new StringReader("concept\tsynonyms\n"), ConceptCatalog.Default));
        Assert.Contains("no row for", Assert.Throws<FormatException>(() => ConceptCaptions.Parse(new StringReader(header + "pig\ta\tb\tc\n"), ConceptCatalog.Default)).Message);
        Assert.Contains("not a catalog concept", Assert.Throws<FormatException>(() => ConceptCaptions.Parse(new StringReader(header + "yeti\ta\tb\tc\n"), ConceptCatalog.Default)).Message);
        Assert.Contains("empty", Assert.Throws<FormatException>(() => ConceptCaptions.Parse(new StringReader(header + "pig\ta;;b\tb\tc\n"), ConceptCatalog.Default)).Message);
    }
}
