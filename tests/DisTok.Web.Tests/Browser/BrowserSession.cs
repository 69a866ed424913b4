using Microsoft.Playwright;

namespace DisTok.Web.Tests.Browser;

/// <summary>Debian's Chromium driven by Playwright (never a downloaded browser), one per test class.</summary>
public sealed class BrowserSession : IAsyncLifetime
{
    IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        var chromium = FindChromium() ?? throw new InvalidOperationException("Chromium not found: run scripts/install-test-deps.sh (installs Debian's chromium)");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A page in a new browser context (own cookies, own circuit) at <paramref name="path"/>, once it is interactive.</summary>
    public async Task<IPage> OpenAsync(Uri baseAddress, string path)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, path).ToString());
        await WaitInteractiveAsync(page);
        return page;
    }

    /// <summary>Fills the sign-in form the page is on and submits it.</summary>
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        // A page that needs a sign-in sends the browser to the form, and on a busy machine that navigation can land
        // after the fields were filled (a new form, empty): fill again until both values are in the form that stays.
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/account/login"), new() { Timeout = 60_000 });
        for (int attempt = 0; ; attempt++)
        {
            await page.Locator("#login-email").FillAsync(email);
            await page.Locator("#login-password").FillAsync(password);
            await page.WaitForTimeoutAsync(200);
            if (await page.Locator("#login-email").InputValueAsync() == email && await page.Locator("#login-password").InputValueAsync() == password) break;
            if (attempt == 20) throw new TimeoutException("the sign-in form kept losing what was typed into it");
        }
        await page.Locator("#login-submit").ClickAsync();
    }

    /// <summary>Waits for the layout's marker: a click before the circuit is interactive is lost.</summary>
    public static Task WaitInteractiveAsync(IPage page) =>
        page.Locator("#ready[data-interactive='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });

    /// <summary>Keeps the latest screenshot under docs/screenshots/ of the repository, for the README.</summary>
    public static async Task SaveScreenshotAsync(IPage page, string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DisTok.Web.sln"))) dir = dir.Parent;
        if (dir is null) return;   // not inside the repository (e.g. a copied test folder): nothing to keep
        var path = Path.Combine(dir.FullName, "docs", "screenshots", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }

    static string? FindChromium() =>
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
}
