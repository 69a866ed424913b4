using DisTok.Cli.Commands;
using DisTok.Tests.Shared;

namespace DisTok.ML.Tests.Cli;

/// <summary>`distok worker` refuses a bad start with one line: nothing is rendered, nothing is taken from any queue.</summary>
public class WorkerCommandTests
{
    static Task<(int Exit, string Error)> Run(params string[] args) => CliHarness.RunAsync(WorkerCommand.Create(), ["worker", .. args]);

    [Fact]
    public async Task An_unreachable_Redis_stops_the_start_with_its_address()
    {
        var (exit, error) = await Run("--redis", "127.0.0.1:1,connectTimeout=500", "--postgres", "Host=127.0.0.1;Port=1");
        Assert.Equal(2, exit);
        Assert.Contains("Redis at 127.0.0.1:1 cannot be reached", error);
    }

    [Fact]
    public async Task An_unreachable_PostgreSQL_stops_the_start()
    {
        var (exit, error) = await Run("--redis", TestRedis.Server(), "--postgres", "Host=127.0.0.1;Port=1;Database=none;Timeout=2");
        Assert.Equal(2, exit);
        Assert.Contains("PostgreSQL named by --postgres cannot be reached", error);
    }

    [Fact]
    public async Task A_claim_timeout_out_of_range_is_refused_before_connecting()
    {
        var (exit, error) = await Run("--redis", "127.0.0.1:1", "--postgres", "Host=x", "--claim-after", "1");
        Assert.Equal(2, exit);
        Assert.Contains("--claim-after must be between 2 and 3600", error);
        Assert.Contains("--redis", (await Run("--postgres", "Host=x")).Error);      // a required option missing
    }
}
