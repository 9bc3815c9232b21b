using System.CommandLine;
using LoginGuard.Worker.Commands;

var root = new RootCommand("LoginGuard: tells learners fast and honestly when something happens to their account.");
root.Subcommands.Add(ReplayCommand.Create());
root.Subcommands.Add(VersionCommand.Create());
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(GeoIpCommand.Create());
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(EvaluateCommand.Create());

return await root.Parse(args).InvokeAsync();
