using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;

namespace DisTok.Web.Tests.Components;

/// <summary>
/// A bUnit context with MudBlazor's services; MudBlazor's own JS calls are answered loosely (no browser here). The
/// context is disposed asynchronously, as some MudBlazor services require.
/// </summary>
public abstract class StudioComponentContext : IAsyncLifetime
{
    readonly BunitContext _context = new();

    protected StudioComponentContext()
    {
        _context.Services.AddMudServices();
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    protected IRenderedComponent<T> Render<T>(Action<ComponentParameterCollectionBuilder<T>> parameters) where T : IComponent =>
        _context.Render(parameters);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _context.DisposeAsync().AsTask();
}
