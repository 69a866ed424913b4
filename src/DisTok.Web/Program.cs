using DisTok.Data;
using DisTok.Web.Accounts;
using DisTok.Web.Api;
using DisTok.Web;
using DisTok.Web.Cluster;
using DisTok.Web.Generation;
using DisTok.Web.Hubs;
using DisTok.Web.Identity;
using DisTok.Web.Library;
using DisTok.Web.Observability;
using DisTok.Web.Components;
using DisTok.Web.Models;
using DisTok.Web.Rooms;
using DisTok.Web.Security;
using DisTok.Web.Studies;
using DisTok.Web.Training;
using Microsoft.AspNetCore.SignalR;
using MudBlazor.Services;

// The app's own folder is the content root, so the linked appsettings.json, models/ and the
// top-level wwwroot/ (copied as site/) are found however the app is started.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
    WebRootPath = Path.Combine(AppContext.BaseDirectory, "site"),
});

// Serve package assets (MudBlazor's _content/, blazor.web.js) from a build output in every
// environment, not only Development; a published folder carries them itself and this is a no-op.
builder.WebHost.UseStaticWebAssets();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
var signalR = builder.Services.AddSignalR(o => o.AddFilter<HubErrorLog>());
builder.AddStudio();
builder.AddCluster(signalR);
builder.AddSecurity();
builder.AddRateLimits();
builder.AddAccounts();
builder.AddBackbone();
builder.AddOptionalModels();
builder.AddGeneration();
builder.AddRooms();
builder.AddLibrary();
builder.AddStudies();
builder.AddTraining();
builder.AddStudioApi();
builder.AddTelemetry();

var app = builder.Build();
await app.PrepareStudioDatabaseAsync();
await app.Services.RestoreServedVersionAsync();
app.UseForwardedRequest();
if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/error", createScopeForErrors: true);
app.UseStaticFiles();
app.UseCrossSiteGuard();
app.UseClientCookies();
app.UseAuthentication();
app.UseApiTokenRequired();
app.UseAuthorization();
app.UseRateLimiter();
app.UseSignInRequired(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StudioOptions>>().Value);
app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapHub<GenerationHub>("/hubs/generation");
app.MapHub<RoomHub>("/hubs/rooms");
app.MapStudioApi();
app.MapAccountEndpoints();
app.MapGet("/healthz", ServerHealth.Report);
app.UseTelemetry();
app.MapErrorPage();
await app.RunAsync();

/// <summary>Entry point type, visible to integration tests (WebApplicationFactory).</summary>
public partial class Program;
