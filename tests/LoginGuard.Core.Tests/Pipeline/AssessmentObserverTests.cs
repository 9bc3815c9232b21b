using LoginGuard.Contracts;
using LoginGuard.Pipeline;
using LoginGuard.State;
using LoginGuard.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LoginGuard.Core.Tests.Pipeline;

/// <summary>Training and evaluation see exactly what the pipeline scores, against the state it scored it on.</summary>
public sealed class AssessmentObserverTests : IDisposable
{
    private readonly Observer observer = new();
    private readonly PipelineHarness harness;

    public AssessmentObserverTests() => harness = new PipelineHarness(replace: services => services.AddSingleton<IAssessmentObserver>(observer));

    [Fact]
    public async Task Each_scored_event_is_seen_once_with_the_history_before_it()
    {
        await harness.DecideAsync(AuthEvents.Of("e1", "login.succeeded", "2026-10-01T08:00:00Z"));
        await harness.DecideAsync(AuthEvents.Of("e2", "login.succeeded", "2026-10-02T08:00:00Z", userAgent: AuthEvents.Phone));

        observer.Seen.Select(s => (s.EventId, s.SuccessfulLoginsBefore, s.Level)).Should().Equal(("e1", 0, RiskLevel.None), ("e2", 1, RiskLevel.Low));
    }

    [Fact]
    public async Task Redeliveries_dead_letters_and_events_of_a_deleted_account_are_not_seen()
    {
        await harness.DecideAsync(AuthEvents.Of("e1", "login.succeeded", "2026-10-01T08:00:00Z"));
        await harness.DecideAsync(AuthEvents.Of("e1", "login.succeeded", "2026-10-01T08:00:00Z"));
        await harness.SendAsync("""{"eventId":"bad"}""");
        await harness.DecideAsync(AuthEvents.Of("gone", "account.deleted", "2026-10-01T09:00:00Z"));
        await harness.DecideAsync(AuthEvents.Of("late", "login.succeeded", "2026-10-01T10:00:00Z"));

        observer.Seen.Select(s => s.EventId).Should().Equal("e1", "gone");
    }

    public void Dispose() => harness.Dispose();

    private sealed class Observer : IAssessmentObserver
    {
        public List<(string EventId, int SuccessfulLoginsBefore, RiskLevel Level)> Seen { get; } = [];

        public void Assessed(EnrichedEvent enriched, BehaviorSnapshot snapshot, RiskAssessment assessment) =>
            Seen.Add((enriched.Event.EventId, snapshot.Learner.SuccessfulLogins, assessment.Level));
    }
}
