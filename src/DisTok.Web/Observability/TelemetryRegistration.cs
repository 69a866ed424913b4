using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DisTok.Web.Observability;

/// <summary>
/// OpenTelemetry for the studio: its own meter and spans (<see cref="StudioTelemetry"/>) and ASP.NET Core's request
/// metrics and spans, exported to Prometheus (<c>/metrics</c>) and/or an OTLP collector as <see cref="TelemetryOptions"/>
/// say. With neither configured nothing is exported (the studio's instruments still exist, for in-process listeners).
/// </summary>
public static class TelemetryRegistration
{
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<StudioTelemetry>();
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (options.Problem() is { } problem) throw new InvalidOperationException(problem);
        bool otlp = options.OtlpEndpoint.Length > 0;
        if (!options.Prometheus && !otlp) return builder;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("distok-studio", serviceInstanceId: Environment.MachineName + "-" + Environment.ProcessId))
            .WithMetrics(m =>
            {
                m.AddMeter(StudioTelemetry.Name).AddAspNetCoreInstrumentation();
                if (options.Prometheus) m.AddPrometheusExporter();
                if (otlp) m.AddOtlpExporter(o => o.Endpoint = new Uri(options.OtlpEndpoint));
            })
            .WithTracing(t =>
            {
                t.AddSource(StudioTelemetry.Name).AddAspNetCoreInstrumentation(o => o.Filter = http => http.Request.Path != "/metrics");
                if (otlp) t.AddOtlpExporter(o => o.Endpoint = new Uri(options.OtlpEndpoint));
            });
        return builder;
    }

    /// <summary>Serves <c>/metrics</c> when Prometheus is on.</summary>
    public static WebApplication UseTelemetry(this WebApplication app)
    {
        var options = app.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (options.Prometheus) app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
