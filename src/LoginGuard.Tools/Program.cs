using System.CommandLine;
using LoginGuard.Tools.Commands;

// What a deployment never runs: making sample data and geo databases, training and evaluating the model, and
// measuring the worker. Kept out of `loginguard` so the production binary and image carry none of it.
var root = new RootCommand("LoginGuard tools: generate sample streams, build geo databases, train and evaluate the model, bench the worker.");
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(GeoIpCommand.Create());
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(EvaluateCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
return await root.Parse(args).InvokeAsync();
