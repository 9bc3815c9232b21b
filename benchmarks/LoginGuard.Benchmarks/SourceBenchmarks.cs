using BenchmarkDotNet.Attributes;
using LoginGuard.Contracts;
using LoginGuard.State;

namespace LoginGuard.Benchmarks;

/// <summary>
/// What a batch does with a sprayed address: it starts from the address's failures as read (a day of them, at the cap),
/// then for each of its failures from that address adds it and asks what the rules and the model ask (failures in the
/// last 10 minutes and the last day, distinct learners in the last 10 minutes and the last hour). Issue 18 counts the
/// bytes this allocates: it was the most of what the worker allocated in bench pipeline.
/// </summary>
[MemoryDiagnoser]
public class SourceBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly Decision Decision = new(
        "evt_82babf652699f38f8b2d0926", "usr_8dcf42f09254", AuthEventType.LoginFailed, Now, 0.743994, RiskLevel.Medium,
        [new RiskReason("anomaly-model", 0.929992, "unusual for this learner (m-cc523aeced2c): automated-agent 1 (usually 0); agent-learners 0 (usually 234); new-country 1 (usually 0.03)"), new RiskReason("spray-per-ip", 1, "14 different learners failed to sign in from this address within 00:10:00 (threshold 10)")],
        [], "rs-565421e35a76")
    {
        Context = new DecisionContext("an automated tool (Go-http-client)", "JP", "Tokyo", 17676, "SoftBank Corp."),
    };

    private readonly StateOptions options = new();
    private List<FailedAttempt> read = null!;
    private List<FailedAttempt> batch = null!;
    private List<FailedAttempt> lateBatch = null!;

    /// <summary>The batch's failures from the address.</summary>
    [Params(1, 50)]
    public int BatchFailures { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // The cap's worth over the last day, newest first, each at a different learner, as a spray leaves them.
        read = [.. Enumerable.Range(0, options.MaxSourceFailures).Select(i => new FailedAttempt(Now.AddSeconds(-170 * (i + 1)), $"learner-{i:D4}", $"evt-read-{i:D4}"))];
        batch = [.. Enumerable.Range(0, BatchFailures).Select(i => new FailedAttempt(Now.AddMilliseconds(100 * i), $"victim-{i:D4}", $"evt-batch-{i:D4}"))];

        // Behind the newest by a few to a few hundred failures, as lanes deliver a spray spread over partitions.
        lateBatch = [.. Enumerable.Range(0, BatchFailures).Select(i => new FailedAttempt(Now.AddSeconds((-170 * ((i * 37 % 300) + 1)) + 85), $"victim-{i:D4}", $"evt-late-{i:D4}"))];
    }

    [Benchmark(Description = "A batch's failures from a sprayed address: add each, ask the windows")]
    public int AddAndAsk() => AddAndAsk(batch);

    [Benchmark(Description = "The same with failures older than the address's newest")]
    public int AddLateAndAsk() => AddAndAsk(lateBatch);

    [Benchmark(Description = "Write one decision's JSON")]
    public byte[] WriteDecision() => DecisionJson.Serialize(Decision);

    private int AddAndAsk(List<FailedAttempt> failures)
    {
        var activity = new SourceActivity(read);
        var answers = 0;
        foreach (var failure in failures)
        {
            activity = Failures.Apply(activity, failure, options);
            answers += activity.LearnersWithin(failure.At - TimeSpan.FromMinutes(10), failure.At, failure.EventId, failure.Key);
            answers += activity.LearnersWithin(failure.At - TimeSpan.FromHours(1), failure.At, failure.EventId, failure.Key);
            answers += activity.FailuresSince(failure.At - TimeSpan.FromMinutes(10));
            answers += activity.FailuresSince(failure.At - TimeSpan.FromDays(1));
            answers += activity.DistinctLearnersSince(failure.At - TimeSpan.FromHours(1));
        }

        return answers;
    }
}
