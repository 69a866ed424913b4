namespace DisTok.Web.Tests;

public class AppHostTests(StudioAppFactory app) : IClassFixture<StudioAppFactory>
{
    [Fact]
    public async Task Home_page_is_served_with_the_generate_form()
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var html = await client.GetStringAsync("/");
        Assert.Contains("DisTok Studio", html);
        Assert.Contains("id=\"generate\"", html);
    }

    [Fact]
    public async Task Health_endpoint_answers()
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var response = await client.GetAsync("/healthz");
        Assert.True(response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task Static_assets_from_the_top_level_wwwroot_are_served()
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var css = await client.GetStringAsync("/app.css");
        Assert.Contains(".pixel-image", css);
    }
}
