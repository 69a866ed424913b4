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

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }

    static string? FindChromium() =>
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
}
