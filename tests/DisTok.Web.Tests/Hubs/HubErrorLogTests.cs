using DisTok.Web.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DisTok.Web.Tests.Hubs;

/// <summary>The hub filter logs failures, not the refusals the hubs answer on purpose.</summary>
public class HubErrorLogTests
{
    sealed class ListLogger : ILogger<HubErrorLog>
    {
        public readonly List<(LogLevel Level, Exception? Error)> Entries = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, exception));
    }

    sealed class SomeHub : Hub;

    static HubInvocationContext Context() =>
        new(new HubCallerContextStub(), new ServiceCollection().BuildServiceProvider(), new SomeHub(),
            typeof(SomeHub).GetMethod(nameof(Hub.Dispose))!, []);

    sealed class HubCallerContextStub : HubCallerContext
    {
        public override string ConnectionId => "c1";
        public override string? UserIdentifier => null;
        public override System.Security.Claims.ClaimsPrincipal? User => null;
        public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();
        public override Microsoft.AspNetCore.Http.Features.IFeatureCollection Features { get; } = new Microsoft.AspNetCore.Http.Features.FeatureCollection();
        public override CancellationToken ConnectionAborted => CancellationToken.None;
        public override void Abort() { }
    }

    [Fact]
    public async Task A_refusal_is_not_logged_and_a_failure_is_logged_once_and_both_reach_the_caller()
    {
        var logger = new ListLogger();
        var filter = new HubErrorLog(logger);
        await Assert.ThrowsAsync<HubException>(async () => await filter.InvokeMethodAsync(Context(), _ => throw new HubException("limit reached")));
        Assert.Empty(logger.Entries);

        var failure = new InvalidOperationException("broken");
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(async () => await filter.InvokeMethodAsync(Context(), _ => throw failure));
        Assert.Same(failure, thrown);
        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Same(failure, entry.Error);
    }
}
