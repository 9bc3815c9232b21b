using System.CommandLine;
using LoginGuard.Tools.Bench;

namespace LoginGuard.Tools.Commands;

/// <summary><c>loginguard-tools bench …</c>: measurements that size a deployment.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Measure what LoginGuard costs to run.");
        command.Subcommands.Add(CreateRedisMemory());
        command.Subcommands.Add(CreateFlood());
        command.Subcommands.Add(CreatePipeline());
        return command;
    }

    /// <summary>Where a bench writes its figure; the docs embed the ones made with the commands they quote.</summary>
    private static Option<DirectoryInfo> PlotFolder() => new("--out")
    {
        Description = "Where the bench writes its figure (PNG).",
        DefaultValueFactory = _ => new DirectoryInfo("bench"),
    };

    private static Command CreatePipeline()
    {
        var events = AtLeast(new Option<int>("--events") { Description = "Events produced at full speed for the end-to-end rate.", DefaultValueFactory = _ => 100_000 }, 1);
        var learners = AtLeast(new Option<int>("--learners") { Description = "Learners the generated events belong to.", DefaultValueFactory = _ => 10_000 }, 1);
        var rate = AtLeast(new Option<int>("--rate") { Description = "Offered load, events/s, for the latency percentiles.", DefaultValueFactory = _ => 10_000 }, 1);
        var plots = PlotFolder();
        var warmup = AtLeast(new Option<int>("--warmup") { Description = "Events decided first and not measured, until the JIT has compiled the hot paths fully.", DefaultValueFactory = _ => 30_000 }, 1);
        var workers = AtLeast(new Option<int>("--workers") { Description = "Worker processes in one consumer group.", DefaultValueFactory = _ => 1 }, 1);
        var redisCluster = new Option<bool>("--redis-cluster") { Description = "Keep state in a Redis Cluster on loopback (three masters, three replicas) instead of one redis-server." };
        var workerEnvironment = new Option<string[]>("--worker-env")
        {
            Description = "NAME=VALUE set in each worker's environment, as a container would set it; repeatable. E.g. DOTNET_GCHeapHardLimit=0x20000000 (a 512 MiB heap), DOTNET_gcServer=0.",
            AllowMultipleArgumentsPerToken = false,
        };
        workerEnvironment.Validators.Add(result =>
        {
            foreach (var bad in result.GetValueOrDefault<string[]>()?.Where(pair => pair.IndexOf('=', StringComparison.Ordinal) < 1) ?? [])
            {
                result.AddError($"--worker-env takes NAME=VALUE (was '{bad}').");
            }
        });
        var command = new Command("pipeline", "Run the worker, in its own process, against a Kafka mock cluster and a local redis-server; report throughput, latency, memory and the ceilings.")
        {
            events, learners, rate, warmup, workers, redisCluster, workerEnvironment, plots,
        };
        command.SetAction((parseResult, cancellationToken) => BenchPipeline.RunAsync(
            new BenchPipelineRun(
                parseResult.GetValue(events), parseResult.GetValue(learners), parseResult.GetValue(rate), parseResult.GetValue(warmup),
                parseResult.GetValue(workers), parseResult.GetValue(redisCluster),
                (parseResult.GetValue(workerEnvironment) ?? []).Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal)),
            Path.Combine(parseResult.GetRequiredValue(plots).FullName, BenchPipeline.PlotFile), parseResult.InvocationConfiguration.Output, cancellationToken));
        return command;
    }

    private static Option<int> AtLeast(Option<int> option, int minimum)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < minimum)
            {
                result.AddError($"{option.Name} must be at least {minimum}.");
            }
        });
        return option;
    }

    private static Command CreateFlood()
    {
        var failures = AtLeast(new Option<int>("--failures") { Description = "Failed sign-ins of random unknown users, spread over the last hour.", DefaultValueFactory = _ => 1_000_000 }, 1);
        var addresses = AtLeast(new Option<int>("--addresses") { Description = "Addresses the flood comes from, each in a /24 of its own (at most 65,536).", DefaultValueFactory = _ => 10_000 }, 1);
        addresses.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() > 65_536)
            {
                result.AddError("--addresses must be at most 65,536: each address is 45.x.y.7 with a /24 of its own.");
            }
        });
        var redis = new Option<string?>("--redis")
        {
            Description = "HOST:PORT of a scratch Redis; the flood is written under the worker's own 'lg:' keys. Default: start a redis-server on a free loopback port.",
        };
        var plots = PlotFolder();
        var command = new Command("flood", "Send a credential-stuffing flood through the pipeline into Redis and report the memory it leaves.")
        {
            failures, addresses, redis, plots,
        };
        command.SetAction((parseResult, cancellationToken) => BenchFlood.RunAsync(
            parseResult.GetValue(failures), parseResult.GetValue(addresses), parseResult.GetValue(redis),
            Path.Combine(parseResult.GetRequiredValue(plots).FullName, BenchFlood.PlotFile), parseResult.InvocationConfiguration.Output, cancellationToken));
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
        var plots = PlotFolder();
        var command = new Command("redis-memory", "Write learners' histories through the Redis behavior store and report the bytes each takes.")
        {
            learners, redis, plots,
        };
        command.SetAction((parseResult, cancellationToken) => BenchRedisMemory.RunAsync(
            parseResult.GetValue(learners), parseResult.GetValue(redis),
            Path.Combine(parseResult.GetRequiredValue(plots).FullName, BenchRedisMemory.PlotFile), parseResult.InvocationConfiguration.Output, cancellationToken));
        return command;
    }
}
