using DisTok.Core.Tokens;
using DisTok.Data.Stores;
using DisTok.ML.DisTok;
using DisTok.Web.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DisTok.Web.Tests.Browser;

/// <summary>The library, share links and their read-only page, with three people in their own browser contexts.</summary>
[Trait("Category", "Browser")]
public class ShareBrowserTests(StudioAppFactory app, BrowserSession session)
    : IClassFixture<StudioAppFactory>, IClassFixture<BrowserSession>
{
    const float Timeout = 60_000;

    static ILocator Card(IPage page, string name) => page.Locator($".token-card[data-token-name='{name}']");

    /// <summary>Saves a token owned by the browser of <paramref name="page"/> (its client cookie), as keeping one there does.</summary>
    async Task SaveTokenAsync(IPage page, string name, string notes)
    {
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == DisTok.Web.Identity.ClientCookies.ClientId).Value;
        var model = app.Services.GetRequiredService<OptionalModel<DisTokModel>>().Model!;
        var token = model.TokenFromPrior(PriorKind.Laplace, 11, 1.0);
        await app.Services.GetRequiredService<TokenLibrary>().SaveAsync(token, name, notes, ["share-test"], "ann", null, owner: $"client:{cookie}");
    }

    [Fact]
    public async Task A_shared_token_opens_read_only_for_a_third_person_imports_and_a_revoked_link_says_so()
    {
        var name = $"owl-fox-{Guid.NewGuid():N}"[..16];
        // Ann finds the token in her library and shares it.
        var ann = await session.OpenAsync(app.BaseAddress, "/library");
        await SaveTokenAsync(ann, name, "<script>window.pwned = 1</script>");
        await ann.Locator("#library-search").FillAsync(name);
        await Assertions.Expect(ann.Locator(".token-card")).ToHaveCountAsync(1, new() { Timeout = Timeout });
        await Assertions.Expect(Card(ann, name).Locator(".token-notes")).ToHaveTextAsync("<script>window.pwned = 1</script>");
        await Card(ann, name).Locator(".token-share").ClickAsync();
        var link = await ann.Locator("#new-share-link-url").GetAttributeAsync("href", new() { Timeout = Timeout });
        Assert.Matches("^/s/[A-Za-z0-9_-]{22}$", link);
        await BrowserSession.SaveScreenshotAsync(ann, "library.png");

        // Cara, in a third context, sees it read-only and imports it.
        var cara = await session.OpenAsync(app.BaseAddress, link!);
        await Assertions.Expect(cara.Locator("#shared-tokens .token-name")).ToHaveTextAsync(name, new() { Timeout = Timeout });
        Assert.Equal(0, await cara.Locator(".token-edit, .token-delete, .token-share").CountAsync());
        Assert.Null(await cara.EvaluateAsync<int?>("() => window.pwned"));
        await cara.Locator("#import-all").ClickAsync();
        await Assertions.Expect(cara.Locator("#share-message")).ToContainTextAsync($"Imported \"{name}\" into your library", new() { Timeout = Timeout });
        await BrowserSession.SaveScreenshotAsync(cara, "share-link.png");
        var copies = await app.Services.GetRequiredService<TokenLibrary>().SearchAsync(name, null, DisTok.Data.Validation.StudioActor.Administrator);
        Assert.Equal(2, copies.Count);

        // Ann revokes the link; Cara's reload says the link was revoked, and importing stores nothing more.
        await ann.ReloadAsync();
        await BrowserSession.WaitInteractiveAsync(ann);
        await ann.Locator($"#share-links tr[data-link-id='{link![3..]}'] .link-revoke").ClickAsync();
        await Assertions.Expect(ann.Locator($"#share-links tr[data-link-id='{link[3..]}'] .link-revoked")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await cara.ReloadAsync();
        await Assertions.Expect(cara.Locator("#link-revoked")).ToContainTextAsync("Link revoked", new() { Timeout = Timeout });
        Assert.Equal(0, await cara.Locator("#import-all").CountAsync());
    }

    [Fact]
    public async Task A_token_made_public_in_the_library_shows_in_the_gallery_for_others_who_open_it_in_a_room_but_cannot_change_it()
    {
        var name = $"public-{Guid.NewGuid():N}"[..15];
        var ann = await session.OpenAsync(app.BaseAddress, "/library");
        await SaveTokenAsync(ann, name, "for everyone");
        await ann.Locator("#library-search").FillAsync(name);
        await Assertions.Expect(ann.Locator(".token-card")).ToHaveCountAsync(1, new() { Timeout = Timeout });

        // Before Ann flips the switch, Bob's gallery does not have it.
        var bob = await session.OpenAsync(app.BaseAddress, "/gallery");
        await bob.Locator("#gallery-search").FillAsync(name);
        await Assertions.Expect(bob.Locator("#gallery-empty")).ToBeVisibleAsync(new() { Timeout = Timeout });

        await Card(ann, name).Locator(".token-public input").ClickAsync();
        await Assertions.Expect(Card(ann, name).Locator(".token-public")).ToContainTextAsync("public", new() { Timeout = Timeout });

        await bob.ReloadAsync();
        await BrowserSession.WaitInteractiveAsync(bob);
        await bob.Locator("#gallery-search").FillAsync(name);
        await Assertions.Expect(Card(bob, name)).ToHaveCountAsync(1, new() { Timeout = Timeout });
        Assert.Equal(0, await Card(bob, name).Locator(".token-edit, .token-delete, .token-public, .token-select").CountAsync());
        await Card(bob, name).Locator(".token-to-room").ClickAsync();
        await Assertions.Expect(bob).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/rooms/[A-Za-z0-9_-]{22}$"), new() { Timeout = Timeout });
    }

    [Fact]
    public async Task An_unknown_link_says_it_does_not_exist()
    {
        var page = await session.OpenAsync(app.BaseAddress, "/s/AAAAAAAAAAAAAAAAAAAAAA");
        await Assertions.Expect(page.Locator("#link-not-found")).ToContainTextAsync("does not exist", new() { Timeout = Timeout });
    }

    [Fact]
    public async Task A_token_file_uploads_through_the_library_page_and_a_bad_file_gets_a_message()
    {
        var model = app.Services.GetRequiredService<OptionalModel<DisTokModel>>().Model!;
        var name = $"uploaded-{Guid.NewGuid():N}"[..17];
        var json = TokenFile.ToJson(model.TokenFromPrior(PriorKind.Gaussian, 5, 1.0, name));
        var page = await session.OpenAsync(app.BaseAddress, "/library");
        await page.Locator("#token-upload").SetInputFilesAsync(new FilePayload
        {
            Name = "good.json", MimeType = "application/json", Buffer = System.Text.Encoding.UTF8.GetBytes(json),
        });
        await Assertions.Expect(Card(page, name)).ToHaveCountAsync(1, new() { Timeout = Timeout });

        await page.Locator("#token-upload").SetInputFilesAsync(new FilePayload
        {
            Name = "broken.json", MimeType = "application/json", Buffer = System.Text.Encoding.UTF8.GetBytes("{\"format\": \"distok-token/1\""),
        });
        await Assertions.Expect(page.Locator("#library-error")).ToContainTextAsync("the file 'broken.json'", new() { Timeout = Timeout });
    }
}
