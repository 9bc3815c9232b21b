using System.CommandLine;
using LoginGuard.Worker.Commands;

var root = new RootCommand("LoginGuard: tells learners fast and honestly when something happens to their account.");
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(ReplayCommand.Create());
root.Subcommands.Add(RulesCommand.Create());
root.Subcommands.Add(VersionCommand.Create());
root.SetAction((_, cancellationToken) => RunCommand.RunAsync(cancellationToken));

// Longer than the host's 30 s shutdown timeout, so on SIGTERM `run` finishes its events and commits
// before System.CommandLine gives up on it.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(45) };
return await root.Parse(args).InvokeAsync(invocation);
