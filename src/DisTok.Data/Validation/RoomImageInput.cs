using DisTok.Data.Entities;

namespace DisTok.Data.Validation;

/// <summary>Checks an image before it joins a room's history.</summary>
public static class RoomImageInput
{
    /// <summary>Most denoising steps an image may record.</summary>
    public const int MaxSteps = 1000;

    /// <summary>Largest guidance scale an image may record.</summary>
    public const double MaxGuidance = 100;

    /// <summary>A checked copy of <paramref name="image"/> for <paramref name="roomId"/>, stamped now when it has no time.</summary>
    /// <exception cref="StudioValidationException">A field breaks a limit.</exception>
    public static RoomImage Checked(string roomId, RoomImage image, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Seed < 0) throw new StudioValidationException("seed", $"seed must be between 0 and {int.MaxValue}, got {image.Seed}");
        if (image.Steps is < 1 or > MaxSteps) throw new StudioValidationException("steps", $"steps must be between 1 and {MaxSteps}, got {image.Steps}");
        if (!double.IsFinite(image.Guidance) || image.Guidance is < 0 or > MaxGuidance)
            throw new StudioValidationException("guidance", $"guidance must be a number between 0 and {MaxGuidance}, got {image.Guidance}");
        return new RoomImage
        {
            RoomId = roomId,
            Seed = image.Seed,
            Steps = image.Steps,
            Guidance = image.Guidance,
            Template = StudioInput.Label(image.Template, "template", StudioLimits.MaxTemplateLength),
            DistributionText = StudioInput.Label(image.DistributionText, "distribution", StudioLimits.MaxSourceLength),
            ModelVersion = StudioInput.Label(image.ModelVersion, "model version"),
            Png = StudioInput.Png(image.Png, "image", StudioLimits.MaxImageBytes)
                ?? throw new StudioValidationException("image", "the image has no PNG bytes"),
            CreatedUtc = image.CreatedUtc == default ? now : image.CreatedUtc,
            CreatedBy = StudioInput.DisplayName(image.CreatedBy, "created by"),
            JobId = image.JobId,
        };
    }
}
