using System.CommandLine;

namespace DisTok.Cli.Commands.Backbone;

/// <summary>`distok backbone …`: train and evaluate the embedded text-to-image backbone.</summary>
public static class BackboneCommand
{
    public static Command Create() => new("backbone", "Train and evaluate the embedded backbone (text-to-image model and soft labeler).")
    {
        BackboneTrainCommand.Create(),
        BackboneEvalCommand.Create(),
        BackboneHybridsCommand.Create(),
        BackboneRenderCommand.Create(),
        BackboneMixturesCommand.Create(),
    };
}
