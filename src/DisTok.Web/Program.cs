using DisTok.Web;
using DisTok.Web.Generation;
using DisTok.Web.Components;
using MudBlazor.Services;

// The app's own folder is the content root, so the linked appsettings.json and models/ are found
// however the app is started (dotnet run, the published folder, the container).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.AddBackbone();
builder.AddGeneration();

var app = builder.Build();
if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/error", createScopeForErrors: true);
app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
app.Run();

/// <summary>Entry point type, visible to integration tests (WebApplicationFactory).</summary>
public partial class Program;
