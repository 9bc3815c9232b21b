using LoginGuard.IntegrationTests.Infrastructure;
using LoginGuard.IntegrationTests.Privacy;
using LoginGuard.Privacy;
using LoginGuard.Testing;
using LoginGuard.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LoginGuard.IntegrationTests.Api;

/// <summary>An account.deleted is decided at once and its erasure done after, however long that takes, and whatever happens meanwhile.</summary>
public sealed partial class ErasureTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task An_account_deletion_whose_erasure_was_cut_short_by_a_crash_is_erased_after_the_restart()
    {
        var prefix = RedisFixture.NewPrefix();
        WorkerSettings Settings(WorkerSettings worker) => worker
            .Redis(redis.Server.Configuration, prefix)
            .With("Erasure:PollInterval", "00:00:00.100")
            .With("Erasure:Lease", "00:00:01");
        var stuck = new StuckLearnerData { Blocks = true };
        List<string> traces;
        await using (var before = await ApiWorker.StartAsync(redis.Server, settings: Settings, services: s => s.AddSingleton<ILearnerData>(stuck)))
        {
            traces = await TwoLearnersAsync(before);
            var deleted = await before.ProcessAsync(AuthEvents.Of("evt-zoe-deleted", "account.deleted", ApiWorker.At(TimeSpan.FromMinutes(1)), "zoe")).WaitAsync(Patience);
            await stuck.Reached.Task.WaitAsync(Patience);

            deleted.Duplicate.Should().BeFalse();
            (await LearnerTraces.DumpAsync(Connection(before), before.Prefix)).Keys.Should().Contain(k => k.Contains($"{{u:{before.LearnerKey("zoe")}}}:ae", StringComparison.Ordinal), "her erasure has not got far");
            await before.CrashAsync();
        }

        await using var after = await ApiWorker.StartAsync(redis.Server, settings: Settings);

        await EventuallyAsync(() => ShouldHoldNothingOfZoeButAllOfMiaAsync(after, [.. traces, "evt-zoe-deleted"]));
    }

    [Fact]
    public async Task An_erasure_that_fails_is_tried_again_until_it_is_done()
    {
        var failing = new StuckLearnerData(failures: 2);
        await using var worker = await ApiWorker.StartAsync(
            redis.Server, settings: worker => worker.With("Erasure:PollInterval", "00:00:00.100").With("Erasure:RetryDelay", "00:00:00.200"), services: s => s.AddSingleton<ILearnerData>(failing));
        var traces = await TwoLearnersAsync(worker);

        await worker.ProcessAsync(AuthEvents.Of("evt-zoe-deleted", "account.deleted", ApiWorker.At(TimeSpan.FromMinutes(1)), "zoe"));

        await failing.Forgot.Task.WaitAsync(Patience);
        failing.Calls.Should().Be(3);
        await EventuallyAsync(() => ShouldHoldNothingOfZoeButAllOfMiaAsync(worker, [.. traces, "evt-zoe-deleted"]));
        await EventuallyAsync(async () =>
        {
            var metrics = (await worker.Client.GetStringAsync("/metrics")).Split('\n');
            metrics.Should().Contain(line => line.StartsWith("loginguard_erasures_retried_total", StringComparison.Ordinal) && line.EndsWith(" 2", StringComparison.Ordinal), "an operator sees each failed try");
            metrics.Should().Contain(line => line.StartsWith("loginguard_erasures_done_total", StringComparison.Ordinal) && line.EndsWith(" 1", StringComparison.Ordinal));
            metrics.Should().Contain(line => line.StartsWith("loginguard_erasures_waiting", StringComparison.Ordinal) && line.EndsWith(" 0", StringComparison.Ordinal), "none waits once it is done");
        });
    }

    /// <summary>Until the assertions hold, or <see cref="Patience"/> runs out with their last failure.</summary>
    private static async Task EventuallyAsync(Func<Task> assertions)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                await assertions();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }
}
