using DisTok.Core.Backbone;
using DisTok.ML.Backbone;
using DisTok.ML.Text;
using Microsoft.Extensions.Options;

namespace DisTok.Web;

/// <summary>Registers the backbone behind its Core interfaces; a GPU/ONNX backbone replaces these registrations.</summary>
public static class BackboneRegistration
{
    public static WebApplicationBuilder AddBackbone(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<BackboneOptions>().BindConfiguration(BackboneOptions.Section);
        builder.Services.AddSingleton<MiniLmTextEncoder>(sp => EmbeddedBackbone.LoadTextEncoder(sp.GetRequiredService<IOptions<BackboneOptions>>().Value));
        builder.Services.AddSingleton<ITextEncoder>(sp => sp.GetRequiredService<MiniLmTextEncoder>());
        builder.Services.AddSingleton<IImageGenerator>(sp =>
            EmbeddedBackbone.LoadGenerator(sp.GetRequiredService<IOptions<BackboneOptions>>().Value, sp.GetRequiredService<ITextEncoder>()));
        return builder;
    }
}
