using DisTok.Core.Backbone;

namespace DisTok.Core.Tests;

public class GeneratorCapabilitiesTests
{
    static readonly GeneratorCapabilities Caps = new(64, 64, DefaultSteps: 20, MinSteps: 1, MaxSteps: 200, DefaultGuidance: 3f, MinGuidance: 0f, MaxGuidance: 20f);

    [Fact]
    public void Missing_steps_and_guidance_take_the_defaults()
    {
        Assert.Equal((20, 3f), Caps.Resolve(new GenerationRequest("a pig")));
        Assert.Equal((7, 1.5f), Caps.Resolve(new GenerationRequest("a pig", Steps: 7, Guidance: 1.5f)));
    }

    [Theory]
    [InlineData("", 0, 20, 3f, "the prompt is empty")]
    [InlineData("   ", 0, 20, 3f, "the prompt is empty")]
    [InlineData("a pig", -5, 20, 3f, "seed must be between 0 and 2147483647, got -5")]
    [InlineData("a pig", 0, 0, 3f, "steps must be between 1 and 200, got 0")]
    [InlineData("a pig", 0, 201, 3f, "steps must be between 1 and 200, got 201")]
    [InlineData("a pig", 0, 20, -1f, "guidance must be between 0 and 20, got -1")]
    [InlineData("a pig", 0, 20, float.PositiveInfinity, "guidance must be between")]
    [InlineData("a photo of a <*>", 0, 20, 3f, "has a placeholder <*> but no token was given")]
    public void Out_of_range_requests_are_refused_with_the_reason(string prompt, int seed, int steps, float guidance, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => Caps.Resolve(new GenerationRequest(prompt, seed, steps, guidance)));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void A_token_needs_exactly_one_placeholder()
    {
        var token = new float[384];
        Assert.Equal((20, 3f), Caps.Resolve(new GenerationRequest("a photo of a <*>", Token: token)));
        Assert.Contains("no placeholder", Assert.Throws<ArgumentException>(() => Caps.Resolve(new GenerationRequest("a photo of a pig", Token: token))).Message);
        Assert.Contains("2 placeholders", Assert.Throws<ArgumentException>(() => Caps.Resolve(new GenerationRequest("a <*> and a <*>", Token: token))).Message);
    }

    [Fact]
    public void A_ready_condition_stands_alone_and_must_be_finite()
    {
        var condition = new float[384];
        Assert.Equal((20, 3f), Caps.Resolve(new GenerationRequest("mean of pig and sheep", Condition: condition)));
        Assert.Contains("not both", Assert.Throws<ArgumentException>(() => Caps.Resolve(new GenerationRequest("a <*>", Token: condition, Condition: condition))).Message);
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => Caps.Resolve(new GenerationRequest("x", Condition: []))).Message);
        condition[5] = float.NaN;
        Assert.Contains("non-finite", Assert.Throws<ArgumentException>(() => Caps.Resolve(new GenerationRequest("x", Condition: condition))).Message);
    }
}
