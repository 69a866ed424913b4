using System.Text;
using System.Text.RegularExpressions;
using DisTok.Tests.Shared;
using DisTok.Web.Tests.Reading;
using Microsoft.Playwright;

namespace DisTok.Web.Tests.Browser;

/// <summary>Asked vs seen and remix in real Chromium, on the app with the repository's soft labeler.</summary>
[Trait("Category", "Browser")]
public class ReadingBrowserTests(ReadingAppFactory app, BrowserSession session)
    : IClassFixture<ReadingAppFactory>, IClassFixture<BrowserSession>
{
    const float Timeout = 60_000;

    async Task<IPage> NewRoomAsync()
    {
        var page = await session.OpenAsync(app.BaseAddress, "/");
        await page.Locator("#new-room").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/rooms/[A-Za-z0-9_-]{22}$"), new() { Timeout = Timeout });
        await BrowserSession.WaitInteractiveAsync(page);
        return page;
    }

    static async Task GenerateAsync(IPage page, int images)
    {
        await page.Locator("#steps").FillAsync("3");
        await page.Locator("#steps").PressAsync("Tab");
        await page.Locator("#generate").ClickAsync();
        await Assertions.Expect(page.Locator("#history .history-item")).ToHaveCountAsync(images, new() { Timeout = Timeout });
    }

    static ILocator Row(IPage page, string concept) => page.Locator($"#asked-seen tr[data-concept='{concept}']");

    [Fact]
    public async Task Two_members_see_the_same_asked_vs_seen_bars_follow_each_new_image()
    {
        var ann = await NewRoomAsync();
        var bob = await session.OpenAsync(app.BaseAddress, new Uri(ann.Url).AbsolutePath);
        await Assertions.Expect(ann.Locator("#presence .member")).ToHaveCountAsync(2, new() { Timeout = Timeout });
        await RoomBrowserTests.AddConceptAsync(ann, "pig");
        await RoomBrowserTests.AddConceptAsync(ann, "sheep");
        await GenerateAsync(ann, 1);

        foreach (var page in new[] { ann, bob })
        {
            await Assertions.Expect(Row(page, "pig")).ToHaveAttributeAsync("data-asked", "0.5", new() { Timeout = Timeout });
            await Assertions.Expect(Row(page, "sheep")).ToHaveAttributeAsync("data-asked", "0.5");
            await Assertions.Expect(page.Locator("#asked-seen tr.other-row")).ToHaveCountAsync(3);
            await Assertions.Expect(page.Locator("#asked-seen .asked-seen-summary")).ToContainTextAsync("of what it sees is what you asked for");
        }
        var first = await ann.Locator("#room-reading").GetAttributeAsync("data-image-id");
        Assert.Equal(await ann.Locator("#asked-seen").GetAttributeAsync("data-kl"), await bob.Locator("#asked-seen").GetAttributeAsync("data-kl"));
        Assert.Equal(await Row(ann, "pig").GetAttributeAsync("data-seen"), await Row(bob, "pig").GetAttributeAsync("data-seen"));
        await BrowserSession.SaveScreenshotAsync(ann, "studio-asked-vs-seen.png");

        // Ann drops the sheep and makes a second image: both windows now compare it with pig alone.
        await ann.Locator(".weight-row[data-key='sheep'] .remove-concept").ClickAsync();
        await GenerateAsync(ann, 2);
        foreach (var page in new[] { ann, bob })
        {
            await Assertions.Expect(page.Locator("#room-reading")).Not.ToHaveAttributeAsync("data-image-id", first!, new() { Timeout = Timeout });
            await Assertions.Expect(Row(page, "pig")).ToHaveAttributeAsync("data-asked", "1", new() { Timeout = Timeout });
            await Assertions.Expect(page.Locator("#asked-seen tr.asked-row")).ToHaveCountAsync(1);
        }
        Assert.Equal(await Row(ann, "pig").GetAttributeAsync("data-seen"), await Row(bob, "pig").GetAttributeAsync("data-seen"));
        Assert.Equal(await ann.Locator("#asked-seen").GetAttributeAsync("data-support"), await Row(ann, "pig").GetAttributeAsync("data-seen"));
    }

    [Fact]
    public async Task A_remix_from_an_uploaded_png_sets_the_rooms_distribution_and_a_bad_file_changes_nothing()
    {
        var ann = await NewRoomAsync();
        var bob = await session.OpenAsync(app.BaseAddress, new Uri(ann.Url).AbsolutePath);
        await RoomBrowserTests.AddConceptAsync(ann, "owl");

        await ann.Locator("#remix-upload").SetInputFilesAsync(new FilePayload { Name = "face.png", MimeType = "image/png", Buffer = TestImages.Face(128) });
        await Assertions.Expect(ann.Locator("#room-info")).ToContainTextAsync("Remixed: the labeler's top", new() { Timeout = Timeout });
        var note = await ann.Locator("#room-info").InnerTextAsync();
        var weights = Regex.Match(note, @"normalised to 100 %: (\S+)\. Edit").Groups[1].Value;   // e.g. pig=0.62,rabbit=0.38
        var keys = weights.Split(',').Select(p => p.Split('=')[0]).ToList();
        Assert.InRange(keys.Count, 1, 3);
        foreach (var page in new[] { ann, bob })
            await Assertions.Expect(page.Locator(".weight-row")).ToHaveCountAsync(keys.Count, new() { Timeout = Timeout });
        foreach (var key in keys) await Assertions.Expect(bob.Locator($".weight-row[data-key='{key}']")).ToHaveCountAsync(1);
        await BrowserSession.SaveScreenshotAsync(ann, "studio-remix.png");

        var revision = await ann.Locator("#room-revision").GetAttributeAsync("data-revision");
        await ann.Locator("#remix-upload").SetInputFilesAsync(new FilePayload { Name = "notes.png", MimeType = "image/png", Buffer = Encoding.UTF8.GetBytes("not a picture") });
        await Assertions.Expect(ann.Locator("#error")).ToContainTextAsync("Nothing changed: the image was not read: the file is not an image (PNG, JPEG or WebP)", new() { Timeout = Timeout });
        await Assertions.Expect(ann.Locator("#room-revision")).ToHaveAttributeAsync("data-revision", revision!);
        await Assertions.Expect(ann.Locator(".weight-row")).ToHaveCountAsync(keys.Count);
    }

    [Fact]
    public async Task Remixing_a_history_image_sets_the_distribution_to_its_reading()
    {
        var ann = await NewRoomAsync();
        await RoomBrowserTests.AddConceptAsync(ann, "frog");
        await GenerateAsync(ann, 1);
        await ann.Locator("#history .history-remix").First.ClickAsync();
        await Assertions.Expect(ann.Locator("#room-info")).ToContainTextAsync("Remixed: the labeler's top", new() { Timeout = Timeout });
        var seenTop = await ann.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('#asked-seen tbody tr')].sort((a, b) => b.dataset.seen - a.dataset.seen).map(r => r.dataset.concept)");
        await Assertions.Expect(ann.Locator($".weight-row[data-key='{seenTop[0]}']")).ToHaveCountAsync(1, new() { Timeout = Timeout });
    }

    [Fact]
    public async Task The_generate_page_compares_a_prompt_with_what_the_labeler_sees()
    {
        var page = await session.OpenAsync(app.BaseAddress, "/generate");
        await BrowserSession.WaitInteractiveAsync(page);
        await page.Locator("#prompt").FillAsync("a photo of a pig");
        await page.Locator("#generate").ClickAsync();
        await Assertions.Expect(page.Locator("#generate-reading tr[data-concept='pig']")).ToHaveAttributeAsync("data-asked", "1", new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("#generate-reading tr.other-row")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#generate-reading .asked-seen-summary")).ToContainTextAsync("of what it sees is what you asked for");
    }
}
