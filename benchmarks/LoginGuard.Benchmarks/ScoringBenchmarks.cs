using System.Net;
using BenchmarkDotNet.Attributes;
using LoginGuard.Contracts;
using LoginGuard.Enrichment;
using LoginGuard.Ingestion;
using LoginGuard.Pipeline;
using LoginGuard.Scoring;
using LoginGuard.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LoginGuard.Benchmarks;

/// <summary>
/// Scoring one sign-in with the shipped rules and model, and folding it into the learner's history, against
/// histories of every length and addresses with and without a spray behind them. A learner's history is
/// capped (devices, addresses, places, failures), so the cost must stop growing with it.
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private ServiceProvider services = null!;
    private RiskScorer scorer = null!;
    private EnrichedEvent signIn = null!;
    private BehaviorSnapshot snapshot = null!;
    private StateOptions state = null!;
    private RiskAssessment assessment = null!;

    /// <summary>Successful sign-ins already in the learner's history, from ever-new devices, addresses and places.</summary>
    [Params(0, 10, 1_000)]
    public int PastSignIns { get; set; }

    /// <summary>Failed sign-ins remembered for the event's address and network (500 is the cap).</summary>
    [Params(0, 500)]
    public int SourceFailures { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(SampleInputs.InRepository(Path.Combine("src", "LoginGuard.Worker", "rules.json")))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Scoring:Model:Path"] = SampleInputs.InRepository(Path.Combine("models", "login-anomaly.zip")),
                ["GeoIp:CityDatabasePath"] = SampleInputs.SampleDatabase("sample-city.mmdb"),
                ["GeoIp:AsnDatabasePath"] = SampleInputs.SampleDatabase("sample-asn.mmdb"),
                ["Smtp:PickupDirectory"] = Path.GetTempPath(),
            })
            .Build();
        services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddLoginGuard(configuration)
            .BuildServiceProvider();
        scorer = services.GetRequiredService<RiskScorer>();
        state = services.GetRequiredService<IOptions<StateOptions>>().Value;
        var enricher = services.GetRequiredService<Enricher>();
        var authEvent = EventParser.Parse(SampleInputs.LoginEvent).Event!;
        signIn = enricher.Enrich(authEvent);

        var history = LearnerHistory.Empty;
        for (var i = 0; i < PastSignIns; i++)
        {
            var past = authEvent with
            {
                EventId = $"past-{i}",
                OccurredAt = authEvent.OccurredAt.AddHours(i - PastSignIns),
                Ip = IPAddress.Parse($"81.{57 + (i % 100)}.{i % 250}.20"),
                DeviceId = $"device-{i % 40}",
            };
            var enrichedPast = enricher.Enrich(past);
            history = HistoryUpdate.Apply(history, enrichedPast, scorer.Assess(enrichedPast, BehaviorSnapshot.FirstSight(history)), state);
        }

        var failures = SourceActivity.Empty;
        for (var i = 0; i < SourceFailures; i++)
        {
            var failure = authEvent with { EventId = $"spray-{i}", UserId = $"victim-{i}", Type = AuthEventType.LoginFailed, OccurredAt = authEvent.OccurredAt.AddSeconds(-i) };
            failures = Failures.Apply(failures, enricher.Enrich(failure), state);
        }

        snapshot = new BehaviorSnapshot(history, failures, failures, null);
        assessment = scorer.Assess(signIn, snapshot);
    }

    [GlobalCleanup]
    public void Cleanup() => services.Dispose();

    [Benchmark(Baseline = true, Description = "Score one sign-in (shipped rules + model)")]
    public object Score() => scorer.Assess(signIn, snapshot);

    [Benchmark(Description = "Fold the assessed sign-in into the history")]
    public object Record() => HistoryUpdate.Apply(snapshot.Learner, signIn, assessment, state);

    [Benchmark(Description = "Serialize the history for Redis")]
    public object Serialize() => LearnerHistorySerializer.Serialize(snapshot.Learner);
}
