using System.CommandLine;

namespace DisTok.Cli.Commands;

/// <summary>Every top-level `distok` command; each lives in its own file.</summary>
public static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return DataCommand.Create();
        yield return Backbone.BackboneCommand.Create();
        yield return DisTok.TrainCommand.Create();
        yield return DisTok.TokenCommand.Create();
        yield return DisTok.EvalCommand.Create();
        yield return DisTok.BenchCommand.Create();
        yield return DisTok.ReachCommand.Create();
        yield return DisTok.RoundTripCommand.Create();
        yield return GenerateCommand.Create();
        yield return ClassifyCommand.Create();
        yield return Load.LoadCommand.Create();
        yield return AdminCommand.Create();
        yield return WorkerCommand.Create();
    }
}
