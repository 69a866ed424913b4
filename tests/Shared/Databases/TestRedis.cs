namespace DisTok.Tests.Shared;

/// <summary>The test Redis server (scripts/services.sh starts one; scripts/test.sh does so and sets <see cref="Variable"/>).</summary>
public static class TestRedis
{
    /// <summary>The environment variable with the server's address (host:port).</summary>
    public const string Variable = "DISTOK_TEST_REDIS";

    /// <summary>The server's address, or a failure that says how to start one.</summary>
    public static string Server() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server ? server
        : throw new InvalidOperationException($"{Variable} is not set: run the tests with scripts/test.sh, or eval \"$(scripts/services.sh up)\" and export {Variable} first");
}
