using DisTok.Cli.Commands.Load;

namespace DisTok.ML.Tests.Cli;

/// <summary>The load tool refuses targets that are not this machine and counts it can't honour, before any request.</summary>
public class LoadCommandTests
{
    static Task<(int Exit, string Error)> Run(params string[] args) => CliHarness.RunAsync(LoadCommand.Create(), args);

    [Theory]
    [InlineData("http://example.org:5080", "not loopback")]
    [InlineData("http://10.0.0.1:5080", "not loopback")]
    [InlineData("ftp://127.0.0.1", "not an http(s) address")]
    [InlineData("nonsense", "not an http(s) address")]
    public async Task Only_a_loopback_studio_is_loaded(string url, string message)
    {
        var (exit, error) = await Run("load", "coedit", "--url", url);
        Assert.NotEqual(0, exit);
        Assert.Contains(message, error);
    }

    [Theory]
    [InlineData("coedit", "--clients", "1", "--clients must be between 2 and 100")]
    [InlineData("coedit", "--edits", "0", "--edits must be between 1 and 10000")]
    [InlineData("queue", "--rooms", "51", "--rooms must be between 1 and 50")]
    [InlineData("memory", "--generations", "0", "--generations must be between 1 and 5000")]
    [InlineData("memory", "--max-minutes", "0", "--max-minutes must be between 1 and 240")]
    [InlineData("abuse", "--honest", "0", "--honest must be between 1 and 20")]
    [InlineData("abuse", "--renders", "201", "--renders must be between 1 and 200")]
    [InlineData("workers", "--rooms", "0", "--rooms must be between 1 and 50")]
    [InlineData("workers", "--jobs-per-room", "101", "--jobs-per-room must be between 1 and 100")]
    [InlineData("workers", "--in-flight", "0", "--in-flight must be between 1 and 20")]
    [InlineData("workers", "--kill-after", "100", "--kill-after must be between 0 and the number of jobs - 1")]
    public async Task Runs_are_bounded(string run, string option, string value, string message)
    {
        var (exit, error) = await Run("load", run, option, value, "--url", "http://127.0.0.1:1");
        Assert.NotEqual(0, exit);
        Assert.Contains(message, error);
    }

    [Fact]
    public async Task A_study_run_is_bounded_and_names_the_account_that_creates_the_study()
    {
        var (exit, error) = await Run("load", "study", "--participants", "0", "--url", "http://127.0.0.1:1");
        Assert.NotEqual(0, exit);
        Assert.Contains("--email", error);
        (exit, error) = await Run("load", "study", "--participants", "0", "--email", "owner@lab.example", "--url", "http://127.0.0.1:1");
        Assert.NotEqual(0, exit);
        Assert.Contains("--participants must be between 1 and 500", error);
    }

    [Fact]
    public async Task A_workers_run_kills_nothing_but_a_generation_worker()
    {
        var (exit, error) = await Run("load", "workers", "--url", "http://127.0.0.1:1", "--kill-pid", Environment.ProcessId.ToString());
        Assert.NotEqual(0, exit);
        Assert.Contains("is not a generation worker", error);
    }

    [Fact]
    public async Task A_studio_that_is_not_running_gets_a_clear_message()
    {
        var (exit, error) = await Run("load", "memory", "--url", "http://127.0.0.1:1", "--generations", "1");
        Assert.Equal(2, exit);
        Assert.Contains("cannot reach the studio", error);
    }

    [Fact]
    public async Task A_verify_file_without_its_study_line_is_refused()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, "not a header\nabc\n");
            var (exit, error) = await Run("load", "study-verify", "--url", "http://127.0.0.1:1", "--acked", file);
            Assert.NotEqual(0, exit);
            Assert.Contains("does not start with a 'study ID KEY' line", error);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void Percentiles_use_the_nearest_rank()
    {
        double[] values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
        Assert.Equal(5, Percentiles.Of(values, 50));
        Assert.Equal(10, Percentiles.Of(values, 95));
        Assert.Equal(9, Percentiles.Of(values, 90));
        Assert.Equal(1, Percentiles.Of(values, 0));
        Assert.Throws<ArgumentException>(() => Percentiles.Of([], 50));
    }
}
