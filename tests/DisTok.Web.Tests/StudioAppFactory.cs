using System.Net;
using System.Text.Json.Nodes;
using DisTok.Core.Concepts;
using DisTok.ML.Diffusion.Models;
using DisTok.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DisTok.Web.Tests;

/// <summary>
/// The real app on real Kestrel (loopback, free port), pointed at a small untrained text-to-image checkpoint and a
/// tiny untrained DisTok model over the 60 concepts, written to a temp folder, and at a temp SQLite file, so every
/// layer runs for real without the committed weights. There is no soft labeler, so that path shows "not installed".
/// </summary>
public class StudioAppFactory : WebApplicationFactory<Program>
{
    readonly string _root;
    readonly bool _ownsRoot;

    /// <summary>Most jobs one client may have queued or running in the test app.</summary>
    public const int MaxJobsPerClient = 3;

    public StudioAppFactory() : this(withDisTok: true) { }

    /// <summary>The app with or without the DisTok model, and with or without the repository's soft labeler (models/labeler),
    /// in a new temp folder deleted with the app, or in <paramref name="root"/> (kept: a second app started on the same
    /// folder is the first one restarted).</summary>
    protected StudioAppFactory(bool withDisTok, bool withLabeler = false, string? root = null)
    {
        _ownsRoot = root is null;
        _root = root ?? Directory.CreateTempSubdirectory("distok-web-").FullName;
        if (withLabeler) CopyLabeler(Path.Combine(Models, "labeler"));
        var tiny = new UNetConfig(ImageSize: 32, PatchSize: 4, Channels: [16, 32], ConditionDim: 384, EmbedDim: 32, Groups: 4);
        using (var model = new DiffusionUNet(tiny))
            DiffusionCheckpoint.Save(model, Path.Combine(Models, "diffusion"), new(), "test", "test fixture", 0, new());
        if (withDisTok) TinyDisTok.Write(Path.Combine(Models, "distok"));
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
    }

    /// <summary>Base address of the running server, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => ClientOptions.BaseAddress;

    /// <summary>The temp models folder (diffusion/ and distok/).</summary>
    public string Models => Path.Combine(_root, "models");

    /// <summary>The temp SQLite database file.</summary>
    public string DatabasePath => Path.Combine(_root, "db", "studio.db");

    /// <summary>The temp Data Protection keys folder.</summary>
    public string KeysPath => Path.Combine(_root, "keys");

    /// <summary>Copies the committed soft labeler (the fine-tuned network and its manifest) into <paramref name="directory"/>.</summary>
    static void CopyLabeler(string directory)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "DisTok.Web.sln"))) root = root.Parent;
        var source = Path.Combine(root?.FullName ?? throw new DirectoryNotFoundException("DisTok.Web.sln not found above the test folder"), "models", "labeler");
        Directory.CreateDirectory(directory);
        foreach (var file in Directory.GetFiles(source)) File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
    }

    /// <summary>Settings a derived factory adds or overrides (e.g. to turn anonymous use off).</summary>
    protected virtual IEnumerable<(string Key, string Value)> ExtraSettings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Every test client comes from loopback: the shared per-address and rate limits are set out of the way here
        // and tested with a factory that sets them low (Security/AbuseLimitTests).
        builder.UseSetting("Studio:MaxJobsPerAddress", "1000");
        builder.UseSetting("Studio:MaxJobsPerAccount", "1000");
        foreach (var policy in new[] { "Generate", "Store", "CreateStudy", "Participate", "SignIn", "Connect" })
            builder.UseSetting($"RateLimits:{policy}:Permits", "1000000");
        builder.UseSetting("Backbone:ModelsPath", Models);
        builder.UseSetting("Backbone:DefaultSteps", "4");
        builder.UseSetting("Studio:DatabasePath", DatabasePath);
        builder.UseSetting("Studio:VersionsPath", Path.Combine(_root, "versions"));
        builder.UseSetting("Security:KeysPath", KeysPath);
        builder.UseSetting("Studio:DefaultSteps", "4");
        builder.UseSetting("Studio:MaxJobsPerClient", MaxJobsPerClient.ToString());
        foreach (var (key, value) in ExtraSettings) builder.UseSetting(key, value);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsRoot && Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
