using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace DisTok.Cli.Commands.Load;

/// <summary>
/// A running studio the load tool talks to. Only loopback addresses are accepted: load runs are for a server on this
/// machine, never someone else's.
/// </summary>
public sealed class LoadTarget : IDisposable
{
    readonly HttpClient _http;

    LoadTarget(Uri baseAddress, IPAddress? source = null)
    {
        BaseAddress = baseAddress;
        Source = source;
        // Cookies are kept, so a run that signs in (see SignInAsync) stays signed in.
        _http = new HttpClient(SourceBound.Handler(source, new CookieContainer())) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        // A client that keeps the studio's cookies says so on every request (the studio refuses cookie-carrying API
        // writes without it, as they could come from another site's form).
        _http.DefaultRequestHeaders.Add("X-DisTok-Request", "1");
    }

    /// <summary>The loopback address this target's connections leave from (null: the system's choice, 127.0.0.1).</summary>
    public IPAddress? Source { get; }

    /// <summary>Another client of the same studio, with its own cookies, whose connections leave from <paramref name="source"/>
    /// (a loopback address such as 127.0.0.11), so the studio sees a different client address.</summary>
    public LoadTarget From(IPAddress source) => new(BaseAddress, source);

    /// <summary>The server, e.g. http://127.0.0.1:5080/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The target at <paramref name="url"/>.</summary>
    /// <exception cref="ArgumentException">Not an http(s) URL, or not a loopback host.</exception>
    public static LoadTarget Open(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new ArgumentException($"--url '{url}' is not an http(s) address");
        bool loopback = uri.IsLoopback || IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip);
        if (!loopback) throw new ArgumentException($"--url must point at this machine (localhost or 127.0.0.1); '{uri.Host}' is not loopback");
        return new LoadTarget(new Uri(uri.GetLeftPart(UriPartial.Authority) + "/"));
    }

    /// <summary>Creates a room through the REST API; returns its id.</summary>
    public async Task<string> CreateRoomAsync(string name, CancellationToken ct)
    {
        var response = await _http.PostAsJsonAsync("/api/rooms", new { name }, ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString()!;
    }

    /// <summary>The room's weights as the REST API reports them (concept → weight).</summary>
    public async Task<Dictionary<string, double>> RoomWeightsAsync(string roomId, CancellationToken ct)
    {
        var room = await _http.GetFromJsonAsync<JsonElement>($"/api/rooms/{roomId}", ct);
        return room.GetProperty("weights").EnumerateArray().ToDictionary(w => w.GetProperty("key").GetString()!, w => w.GetProperty("weight").GetDouble());
    }

    /// <summary>The loopback address simulated person <paramref name="index"/> connects from (127.0.1.20, 127.0.1.21, …):
    /// a run that plays many people gives each their own address, as the studio's per-address limits expect of people.</summary>
    public static IPAddress PersonAddress(int index) => new([127, (byte)(1 + index / 200), 0, (byte)(20 + index % 200)]);

    /// <summary>A connection to the room hub, started (not yet in a room), from <see cref="Source"/> or, given
    /// <paramref name="person"/>, from that person's address.</summary>
    public async Task<HubConnection> ConnectRoomHubAsync(CancellationToken ct, int? person = null)
    {
        var hub = SourceBound.Hub(new Uri(BaseAddress, "/hubs/rooms"), person is { } p ? PersonAddress(p) : Source);
        await hub.StartAsync(ct);
        return hub;
    }

    /// <summary>GETs JSON from the server.</summary>
    public Task<T> GetJsonAsync<T>(string path, CancellationToken ct) => _http.GetFromJsonAsync<T>(path, ct)!;

    /// <summary>The server's <c>/healthz</c> figures.</summary>
    public async Task<ServerFigures> HealthAsync(CancellationToken ct)
    {
        var json = await _http.GetFromJsonAsync<JsonElement>("/healthz", ct);
        return new(json.GetProperty("queueDepth").GetInt32(), json.GetProperty("workingSetBytes").GetInt64(), json.GetProperty("managedHeapBytes").GetInt64());
    }

    /// <summary>Submits a render through the REST API and waits until it ends; returns its final status.</summary>
    public async Task<string> RenderAsync(string distribution, int seed, int steps, CancellationToken ct)
    {
        var response = await _http.PostAsJsonAsync("/api/generations", new { distribution, seed, steps }, ct);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"submit failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString();
        while (true)
        {
            var view = await _http.GetFromJsonAsync<JsonElement>($"/api/generations/{id}", ct);
            var status = view.GetProperty("status").GetString()!;
            if (status is "done" or "failed" or "cancelled") return status;
            await Task.Delay(25, ct);
        }
    }

    /// <summary>Signs in through the sign-in form (antiforgery token first), as a browser does.</summary>
    /// <exception cref="InvalidOperationException">The studio did not accept the e-mail and password.</exception>
    public async Task SignInAsync(string email, string password, CancellationToken ct)
    {
        var page = await _http.GetStringAsync("/account/login", ct);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var form = new Dictionary<string, string>
        {
            ["email"] = email, ["password"] = password, ["returnUrl"] = "/admin", ["__RequestVerificationToken"] = token,
        };
        var response = await _http.PostAsync("/account/login", new FormUrlEncodedContent(form), ct);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.StartsWith("/account/login") != false)
            throw new InvalidOperationException($"sign-in as {email} was refused (wrong password, locked, or not an account)");
    }

    /// <summary>POSTs JSON and returns the status and the body as JSON (default for an empty body).</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, object? body, CancellationToken ct)
    {
        var response = await _http.PostAsJsonAsync(path, body, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>GETs JSON.</summary>
    public Task<JsonElement> GetAsync(string path, CancellationToken ct) => _http.GetFromJsonAsync<JsonElement>(path, ct);

    /// <summary>
    /// Submits a render through the REST API and polls it every <paramref name="pollMs"/> ms; returns the time from the
    /// submit to the first preview (step ≥ 1) and to the end, and the final status.
    /// </summary>
    public async Task<(double FirstPreviewMs, double TotalMs, string Status)> TimedRenderAsync(string distribution, int seed, int steps, int pollMs, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var response = await _http.PostAsJsonAsync("/api/generations", new { distribution, seed, steps }, ct);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"submit failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString();
        double first = double.NaN;
        while (true)
        {
            var view = await _http.GetFromJsonAsync<JsonElement>($"/api/generations/{id}", ct);
            var status = view.GetProperty("status").GetString()!;
            if (double.IsNaN(first) && (view.GetProperty("step").GetInt32() >= 1 || status == "done")) first = clock.Elapsed.TotalMilliseconds;
            if (status is "done" or "failed" or "cancelled") return (first, clock.Elapsed.TotalMilliseconds, status);
            await Task.Delay(pollMs, ct);
        }
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>What <c>/healthz</c> reports.</summary>
public sealed record ServerFigures(int QueueDepth, long WorkingSetBytes, long ManagedHeapBytes)
{
    public double WorkingSetMb => Math.Round(WorkingSetBytes / 1048576.0, 1);
    public double ManagedHeapMb => Math.Round(ManagedHeapBytes / 1048576.0, 1);
}
