namespace DisTok.Web.Tests;

public class AppHostTests(StudioAppFactory app) : IClassFixture<StudioAppFactory>
{
    [Fact]
    public async Task Generate_page_is_served_with_its_form()
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var html = await client.GetStringAsync("/generate");
        Assert.Contains("DisTok Studio", html);
        Assert.Contains("id=\"generate\"", html);
    }

    [Fact]
    public async Task Home_page_offers_a_new_room_and_the_navigation()
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var html = await client.GetStringAsync("/");
        Assert.Contains("id=\"new-room\"", html);
        foreach (var section in new[] { "nav-studio", "nav-explore", "nav-library", "nav-generate" })
            Assert.Contains($"id=\"{section}\"", html);
    }

    [Theory]
    [InlineData("/explore", "explore-sample")]
    [InlineData("/library", "library-search")]
    [InlineData("/s/AAAAAAAAAAAAAAAAAAAAAA", "link-not-found")]
    [InlineData("/s/not-an-id", "link-not-found")]
    public async Task Each_section_serves_its_page(string path, string id)
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        Assert.Contains($"id=\"{id}\"", await client.GetStringAsync(path));
    }

    [Fact]
    public async Task A_first_visit_gets_a_client_id_cookie()
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var response = await client.GetAsync("/");
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("distok-client=") && c.Contains("httponly"));
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
