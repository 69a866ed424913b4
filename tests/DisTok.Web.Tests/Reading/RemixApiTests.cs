using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DisTok.Tests.Shared;
using SkiaSharp;

namespace DisTok.Web.Tests.Reading;

/// <summary><c>POST /api/remix</c> on the real app with the repository's labeler: a reading and a token, and bad images refused.</summary>
public class RemixApiTests(ReadingAppFactory app) : IClassFixture<ReadingAppFactory>
{
    HttpClient Client() => new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromMinutes(1) }.AsStudioScript();

    static ByteArrayContent Body(byte[] bytes, string type = "image/png")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return content;
    }

    static async Task<JsonElement> Json(HttpResponseMessage r) => JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.Clone();

    [Theory]
    [InlineData(SKEncodedImageFormat.Png, "image/png")]
    [InlineData(SKEncodedImageFormat.Jpeg, "image/jpeg")]
    [InlineData(SKEncodedImageFormat.Webp, "image/webp")]
    public async Task An_image_gives_its_reading_as_a_distribution_and_a_token_for_it(SKEncodedImageFormat format, string type)
    {
        using var http = Client();
        var response = await http.PostAsync("/api/remix?top=3", Body(TestImages.Face(96, format), type));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json(response);
        var weights = body.GetProperty("weights").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
        Assert.InRange(weights.Count, 1, 3);
        Assert.Equal(1.0, weights.Values.Sum(), 6);
        double coverage = body.GetProperty("coverage").GetDouble();
        Assert.InRange(coverage, 0.05, 1.0);
        Assert.StartsWith($"the labeler's top {weights.Count} concept", body.GetProperty("note").GetString());
        var token = body.GetProperty("token");
        Assert.Equal(384, token.GetProperty("vector").GetArrayLength());
        Assert.Equal(weights.Keys.Order(), token.GetProperty("source").GetProperty("distribution").EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task The_same_image_reads_the_same_and_top_caps_the_concepts()
    {
        using var http = Client();
        var one = await Json(await http.PostAsync("/api/remix?top=1", Body(TestImages.Face())));
        var again = await Json(await http.PostAsync("/api/remix?top=1", Body(TestImages.Face())));
        Assert.Equal(one.GetProperty("distribution").GetString(), again.GetProperty("distribution").GetString());
        Assert.Single(one.GetProperty("weights").EnumerateObject());
        Assert.Equal(1.0, one.GetProperty("weights").EnumerateObject().Single().Value.GetDouble());
    }

    [Fact]
    public async Task Bad_images_get_400_with_the_reason()
    {
        using var http = Client();
        async Task<string> Refusal(HttpContent content, string query = "")
        {
            var response = await http.PostAsync("/api/remix" + query, content);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return (await Json(response)).GetProperty("detail").GetString()!;
        }
        Assert.Equal("the image was not read: the file is empty", await Refusal(Body([])));
        Assert.Equal("the image was not read: the file is not an image (PNG, JPEG or WebP)", await Refusal(Body(Encoding.UTF8.GetBytes("not a picture"))));
        Assert.Equal("the image was not read: GIF images are not read; send PNG, JPEG or WebP", await Refusal(Body(TestImages.Gif(), "image/gif")));
        Assert.Equal("the image was not read: the image is 60000×60000 pixels; images up to 4096×4096 are read",
            await Refusal(Body(TestImages.PngClaiming(60_000, 60_000))));
        Assert.StartsWith("the image is 8,388,609 bytes; at most 8,388,608 bytes", await Refusal(Body(new byte[8 * 1024 * 1024 + 1])));
        Assert.Equal("top must be between 1 and 8, got 9", await Refusal(Body(TestImages.Face()), "?top=9"));
    }
}

/// <summary><c>POST /api/remix</c> on an app without a soft labeler: 503 saying so.</summary>
public class RemixWithoutLabelerTests(StudioAppFactory app) : IClassFixture<StudioAppFactory>
{
    [Fact]
    public async Task Without_a_labeler_remix_says_it_is_not_available()
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress }.AsStudioScript();
        var content = new ByteArrayContent(TestImages.Face());
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        var response = await http.PostAsync("/api/remix", content);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.StartsWith("the soft labeler is not available", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
    }
}
