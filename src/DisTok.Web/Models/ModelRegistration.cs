using DisTok.ML.Backbone;
using DisTok.ML.DisTok;
using DisTok.ML.Vision;
using Microsoft.Extensions.Options;

namespace DisTok.Web.Models;

/// <summary>Registers the optional models beside the backbone: {Backbone:ModelsPath}/distok and {Backbone:ModelsPath}/labeler.</summary>
public static class ModelRegistration
{
    /// <summary>Adds <see cref="OptionalModel{T}"/> of <see cref="DisTokModel"/> (the embedded model) and of <see cref="SoftLabeler"/>,
    /// and <see cref="ServedDisTok"/> (the version served) as singletons.</summary>
    public static WebApplicationBuilder AddOptionalModels(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => Slot(sp, "DisTok model", "distok", DisTokModel.Load));
        builder.Services.AddSingleton(sp => Slot(sp, "soft labeler", "labeler", dir => SoftLabeler.Load(dir)));
        builder.Services.AddSingleton<VersionFolders>();
        builder.Services.AddSingleton<ServedDisTok>();
        return builder;
    }

    static OptionalModel<T> Slot<T>(IServiceProvider sp, string name, string folder, Func<string, T> load) where T : class, IDisposable
    {
        var options = sp.GetRequiredService<IOptions<BackboneOptions>>().Value;
        var directory = Path.Combine(EmbeddedBackbone.ResolveModels(options.ModelsPath), folder);
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("DisTok.Web.Models");
        return new OptionalModel<T>(name, directory, $"{BackboneOptions.Section}:ModelsPath/{folder}", load, logger);
    }
}
