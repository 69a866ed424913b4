using System.Net;
using DisTok.ML.Diffusion.Models;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DisTok.Web.Tests;

/// <summary>
/// The real app on real Kestrel (loopback, free port), pointed at a small untrained text-to-image
/// checkpoint written to a temp folder, so every layer runs for real without the committed weights.
/// </summary>
public sealed class StudioAppFactory : WebApplicationFactory<Program>
{
    readonly string _models = Directory.CreateTempSubdirectory("distok-web-models-").FullName;

    public StudioAppFactory()
    {
        var tiny = new UNetConfig(ImageSize: 32, PatchSize: 4, Channels: [16, 32], ConditionDim: 384, EmbedDim: 32, Groups: 4);
        using var model = new DiffusionUNet(tiny);
        DiffusionCheckpoint.Save(model, Path.Combine(_models, "diffusion"), new(), "test", "test fixture", 0, new());
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
    }

    /// <summary>Base address of the running server, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => ClientOptions.BaseAddress;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Backbone:ModelsPath", _models);
        builder.UseSetting("Backbone:DefaultSteps", "4");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_models)) Directory.Delete(_models, recursive: true);
    }
}
