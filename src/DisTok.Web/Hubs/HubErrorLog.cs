using Microsoft.AspNetCore.SignalR;

namespace DisTok.Web.Hubs;

/// <summary>
/// Logs what goes wrong in a hub method, but not the refusals the hubs answer on purpose (<see cref="HubException"/>:
/// bad input, a limit reached). SignalR's own dispatcher logs every exception as an error with its stack, so a client
/// that is refused at full speed would fill the log; its category is turned off in appsettings.json and this filter
/// logs the unexpected ones instead.
/// </summary>
public sealed class HubErrorLog(ILogger<HubErrorLog> logger) : IHubFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try { return await next(context); }
        catch (Exception e) when (e is not HubException and not OperationCanceledException)
        {
            logger.LogError(e, "Hub method {Hub}.{Method} failed", context.Hub.GetType().Name, context.HubMethodName);
            throw;
        }
    }
}
