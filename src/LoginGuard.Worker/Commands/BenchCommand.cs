using System.CommandLine;

namespace LoginGuard.Worker.Commands;

/// <summary><c>loginguard bench …</c>: measurements that size a deployment.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Measure what LoginGuard costs to run.");
        command.Subcommands.Add(CreateRedisMemory());
        return command;
    }

    private static Command CreateRedisMemory()
    {
        var learners = new Option<int>("--learners")
        {
            Description = "How many learners to write, each with a full history (20 sign-ins over 10 devices, 20 addresses, 10 networks and places, 4 failures).",
            DefaultValueFactory = _ => 100_000,
        };
        learners.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--learners must be at least 1.");
            }
        });
        var redis = new Option<string?>("--redis")
        {
            Description = "HOST:PORT (or any StackExchange.Redis configuration) of a scratch Redis: learners are written under the worker's own 'lg:' keys and expire by their TTLs. Default: start a redis-server on a free loopback port.",
        };
        var command = new Command("redis-memory", "Write learners' histories through the Redis behaviour store and report the bytes each takes.")
        {
            learners, redis,
        };
        command.SetAction((parseResult, cancellationToken) =>
            BenchRedisMemory.RunAsync(parseResult.GetValue(learners), parseResult.GetValue(redis), parseResult.InvocationConfiguration.Output, cancellationToken));
        return command;
    }
}
