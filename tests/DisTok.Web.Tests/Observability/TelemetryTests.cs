using DisTok.Core.Backbone;
using DisTok.Data.Stores;
using DisTok.Web.Generation;
using DisTok.Web.Rooms;
using DisTok.Web.Tests.Security;
using Microsoft.Extensions.DependencyInjection;

namespace DisTok.Web.Tests.Observability;

/// <summary>The studio with Prometheus on (<c>Telemetry:Prometheus = true</c>).</summary>
public sealed class MetricsAppFactory : StudioAppFactory
{
    protected override IEnumerable<(string Key, string Value)> ExtraSettings => [("Telemetry:Prometheus", "true")];
}

/// <summary>OpenTelemetry metrics on the real app: a render and a room edit show up at <c>/metrics</c> in Prometheus's format,
/// with the queue's depth; without the setting there is no <c>/metrics</c>; a bad collector address stops the start.</summary>
public class TelemetryTests(MetricsAppFactory app) : IClassFixture<MetricsAppFactory>
{
    [Fact]
    public async Task A_render_and_an_edit_are_measured_and_scraped_in_Prometheus_format()
    {
        var job = app.Services.GetRequiredService<GenerationQueue>().Enqueue(new GenerationRequest("a photo of a pig", 1, 4), new JobOrigin("metrics"));
        await job.Finished.WaitAsync(TimeSpan.FromSeconds(60));
        var room = await app.Services.GetRequiredService<RoomStore>().CreateAsync("measured", "a photo of a <*>");
        await app.Services.GetRequiredService<RoomEditor>().SetWeightAsync(room.Id, "pig", 40, "ann");

        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        string text = "";
        // The exporter caches a scrape briefly, and a request is measured once it has ended: ask again until the scrape has
        // the job and an earlier request.
        for (int attempt = 0; attempt < 50 && !(text.Contains("distok_jobs_finished_total") && text.Contains("http_server_request_duration_seconds")); attempt++)
        {
            text = await http.GetStringAsync("/metrics");
            await Task.Delay(200);
        }
        Assert.Matches(@"distok_jobs_finished_total\{[^}]*outcome=""done""[^}]*\} [1-9]", text);
        Assert.Matches(@"distok_job_wait_seconds_count(\{[^}]*\})? [1-9]", text);
        Assert.Matches(@"distok_job_render_seconds_count\{[^}]*outcome=""done""[^}]*\} [1-9]", text);
        Assert.Matches(@"distok_room_edit_milliseconds_count(\{[^}]*\})? [1-9]", text);
        Assert.Matches(@"distok_queue_depth(\{[^}]*\})? 0", text);
        Assert.Contains("http_server_request_duration_seconds", text);   // ASP.NET Core's own
    }
}

public class TelemetryOffTests(StudioAppFactory app) : IClassFixture<StudioAppFactory>
{
    [Fact]
    public async Task Without_the_setting_there_is_no_metrics_page_and_a_bad_collector_stops_the_start()
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        Assert.NotEqual(System.Net.HttpStatusCode.OK, (await http.GetAsync("/metrics")).StatusCode);
        var e = Assert.ThrowsAny<Exception>(() => new BadSettingFactory(("Telemetry:OtlpEndpoint", "collector:4317")).Services);
        Assert.Contains("Telemetry:OtlpEndpoint must be an http(s) address", string.Join(" | ", DeploymentTests.Flatten(e).Select(x => x.Message)));
    }
}
