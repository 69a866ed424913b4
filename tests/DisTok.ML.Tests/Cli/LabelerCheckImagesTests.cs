using DisTok.Cli.Commands.Backbone;
using DisTok.Core.Concepts;
using DisTok.ML.Tests.Vision;

namespace DisTok.ML.Tests.Cli;

public class LabelerCheckImagesTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("check-images-").FullName;
    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Check_images_are_read_with_the_concept_from_their_name()
    {
        File.WriteAllBytes(Path.Combine(dir, "palm_tree-100.png"), SyntheticImages.Png());
        File.WriteAllBytes(Path.Combine(dir, "pig-101.png"), SyntheticImages.Png());
        var (labels, rgb) = LabelerTraining.ReadCheckImages(dir);
        Assert.Equal([ConceptCatalog.Default.IndexOf("palm_tree"), ConceptCatalog.Default.IndexOf("pig")], labels);
        Assert.All(rgb, r => Assert.Equal(64 * 64 * 3, r.Length));
    }

    [Fact]
    public void A_badly_named_file_an_unknown_concept_or_an_empty_folder_is_refused_with_the_reason()
    {
        Assert.Throws<FileNotFoundException>(() => LabelerTraining.ReadCheckImages(dir));
        Assert.Throws<DirectoryNotFoundException>(() => LabelerTraining.ReadCheckImages(Path.Combine(dir, "absent")));
        File.WriteAllBytes(Path.Combine(dir, "pig.png"), SyntheticImages.Png());
        Assert.Contains("is not named {concept}-{seed}.png", Assert.Throws<ArgumentException>(() => LabelerTraining.ReadCheckImages(dir)).Message);
        File.Delete(Path.Combine(dir, "pig.png"));
        File.WriteAllBytes(Path.Combine(dir, "yeti-1.png"), SyntheticImages.Png());
        Assert.Throws<UnknownConceptException>(() => LabelerTraining.ReadCheckImages(dir));
    }
}
