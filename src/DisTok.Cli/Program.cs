using System.CommandLine;
using DisTok.Cli;
using DisTok.Cli.Commands;

var root = new RootCommand("distok — DisTok Studio command line: data, backbone, generation, classification.");
foreach (var command in CommandCatalog.All()) root.Subcommands.Add(command);
return await CliRunner.RunAsync(root, args);
