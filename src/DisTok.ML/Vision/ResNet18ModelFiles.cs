namespace DisTok.ML.Vision;

/// <summary>
/// Where the two ONNX files of the ResNet18 featurizer live. The package
/// Microsoft.ML.DnnImageFeaturizer.ResNet18 ships them under tools/DnnImageModels/ and its build props
/// copy them to the output folder as DnnImageModels/…, so by default they sit next to the assemblies.
/// </summary>
/// <param name="Preprocess">ResNetPrepOnnx/ResNetPreprocess.onnx: planar RGB 0–255 → BGR minus the mean image.</param>
/// <param name="Network">ResNet18Onnx/ResNet18.onnx: (1, 3, 224, 224) → (1, 512, 1, 1).</param>
public sealed record ResNet18ModelFiles(string Preprocess, string Network)
{
    /// <summary>Folder name under the output directory.</summary>
    public const string FolderName = "DnnImageModels";

    /// <summary>The files under <paramref name="folder"/> (default: DnnImageModels next to the assemblies).</summary>
    public static ResNet18ModelFiles In(string? folder = null)
    {
        folder ??= Path.Combine(AppContext.BaseDirectory, FolderName);
        return new ResNet18ModelFiles(
            Path.Combine(folder, "ResNetPrepOnnx", "ResNetPreprocess.onnx"),
            Path.Combine(folder, "ResNet18Onnx", "ResNet18.onnx"));
    }

    /// <summary>Throws <see cref="FileNotFoundException"/> naming the missing file and how to get it.</summary>
    public void EnsureExist()
    {
        foreach (var f in new[] { Preprocess, Network })
            if (!File.Exists(f))
                throw new FileNotFoundException(
                    $"ResNet18 model file '{f}' is missing; it comes from the NuGet package Microsoft.ML.DnnImageFeaturizer.ResNet18 " +
                    "(copied to the output folder under DnnImageModels/ on build) — rebuild the project after a restore", f);
    }
}
