using System.Text;
using LoginGuard.Alerts.Outbox;
using LoginGuard.Contracts;
using LoginGuard.Ingestion;
using LoginGuard.IntegrationTests.Api;
using LoginGuard.IntegrationTests.Replay;
using LoginGuard.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace LoginGuard.IntegrationTests.Privacy;

/// <summary>What docs/privacy.md promises of Redis: raw identifiers only in the learner's 30-day activity.</summary>
public sealed class StoredDataPrivacyTests
{
    [Fact]
    public async Task After_the_sample_stream_runs_into_redis_no_key_or_value_outside_the_activity_holds_a_raw_account_id_or_email()
    {
        await using var redis = await RedisServer.StartAsync();
        var events = File.ReadLines(ReplayCommandTests.SampleFile).ToList();
        var parsed = events.Select(line => EventParser.Parse(Encoding.UTF8.GetBytes(line)).Event).OfType<AuthEvent>().ToList();
        var raw = parsed.Select(e => e.UserId)
            .Concat(parsed.SelectMany(e => new[] { e.Email, e.PreviousEmail }).OfType<string>())
            .Where(value => value.Length > 3)
            .ToHashSet(StringComparer.Ordinal);

        await using var worker = await ApiWorker.StartAsync(redis);
        var pipeline = worker.Services.GetRequiredService<LoginPipeline>();
        foreach (var line in events)
        {
            await pipeline.ProcessAsync(Encoding.UTF8.GetBytes(line), CancellationToken.None);
        }

        // Queued mail holds its recipient until it is sent; let every window close and every mail go out first.
        var outbox = worker.Services.GetRequiredService<IOutboxStore>();
        await outbox.CloseWindowsAsync(DateTimeOffset.MaxValue, CancellationToken.None);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (await outbox.OldestQueuedAtAsync(CancellationToken.None) is not null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var dump = await LearnerTraces.DumpAsync(worker.Services.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>(), worker.Prefix);
        var outsideActivity = dump.Where(e => !e.Key.EndsWith(":a", StringComparison.Ordinal) && !e.Key.EndsWith(":ae", StringComparison.Ordinal)).ToDictionary();

        raw.Should().HaveCountGreaterThan(100);
        dump.Keys.Should().Contain(k => k.EndsWith(":ae", StringComparison.Ordinal), "the activity is the one place that names them");
        outsideActivity.Keys.Should().Contain(k => k.Contains("}:d:", StringComparison.Ordinal), "decisions are kept to recognise redeliveries");
        outsideActivity.Keys.Should().Contain(k => k.EndsWith("}:t", StringComparison.Ordinal), "the sample deletes an account, whose tombstone is kept");
        var leaks = outsideActivity
            .SelectMany(e => raw.Where(value => e.Key.Contains(value, StringComparison.OrdinalIgnoreCase) || e.Value.Contains(value, StringComparison.OrdinalIgnoreCase)).Select(value => $"{e.Key}: {value}"))
            .ToList();
        leaks.Should().BeEmpty();
    }
}
