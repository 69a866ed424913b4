namespace DisTok.Core.Backbone;

/// <summary>Bounds and defaults a generator accepts; requests outside them are rejected.</summary>
public sealed record GeneratorCapabilities(int Width, int Height, int DefaultSteps, int MinSteps, int MaxSteps,
    float DefaultGuidance, float MinGuidance, float MaxGuidance)
{
    /// <summary>Fills defaults and throws a clear <see cref="ArgumentException"/> for anything out of range.</summary>
    public (int Steps, float Guidance) Resolve(GenerationRequest r)
    {
        if (string.IsNullOrWhiteSpace(r.Prompt)) throw new ArgumentException("the prompt is empty");
        if (r.Seed < 0) throw new ArgumentException($"seed must be between 0 and {int.MaxValue}, got {r.Seed}");
        int steps = r.Steps ?? DefaultSteps;
        if (steps < MinSteps || steps > MaxSteps) throw new ArgumentException($"steps must be between {MinSteps} and {MaxSteps}, got {steps}");
        float g = r.Guidance ?? DefaultGuidance;
        if (!float.IsFinite(g) || g < MinGuidance || g > MaxGuidance) throw new ArgumentException($"guidance must be between {MinGuidance} and {MaxGuidance}, got {g}");
        if (r.Condition is not null)
        {
            if (r.Token is not null) throw new ArgumentException("give a token or a ready condition, not both");
            if (r.Condition.Length == 0) throw new ArgumentException("the condition is empty");
            foreach (var v in r.Condition)
                if (!float.IsFinite(v)) throw new ArgumentException($"the condition has a non-finite value {v}");
            return (steps, g);
        }
        if (r.Token is not null) Placeholder.Validate(r.Prompt);
        else if (r.Prompt.Contains(Placeholder.Text, StringComparison.Ordinal))
            throw new ArgumentException($"the prompt has a placeholder {Placeholder.Text} but no token was given");
        return (steps, g);
    }
}
