using LoginGuard.Contracts;
using LoginGuard.Scoring.Anomaly;
using LoginGuard.State;

namespace LoginGuard.Tools.Training;

/// <summary>
/// The negative examples a platform's own, unlabelled history can give (<see cref="ModelKind.Impostor"/>): another
/// learner's real sign-in or account change, replayed against this learner's history at this moment. That is what an
/// account takeover is — someone else's device, place, network and habits on this account — without a single
/// labelled attack. The learner's own events are the genuine side, so the model learns which novelty is ordinary
/// on this platform (a cleared cookie at home, a phone on the carrier) and which is another person.
/// </summary>
/// <remarks>
/// Sources are drawn from the last <see cref="Remembered"/> sign-ins and account changes of other learners, so an
/// impostor's place and device are as current as the genuine event's. Failed sign-ins get no impostors: what gives
/// an attack there away is a count of failures, which the rules weigh and the model never discounts.
/// </remarks>
internal sealed class Impostors(int seed)
{
    public const int Remembered = 4096;

    private readonly Random random = new(seed);
    private readonly List<Source> recent = [];
    private int next;

    /// <summary>Another learner's event, rewritten as if it happened on <paramref name="genuine"/>'s account when it did, with its features.</summary>
    public LoginFeatures? Against(ReplayStep genuine, Population population)
    {
        var authEvent = genuine.Enriched.Event;
        if (authEvent.Type == AuthEventType.LoginFailed || recent.Count < 2)
        {
            return null;
        }

        var source = recent[random.Next(recent.Count)];
        if (source.Enriched.Event.UserId == authEvent.UserId)
        {
            return null;
        }

        var impostor = source.Enriched with
        {
            Event = source.Enriched.Event with { UserId = authEvent.UserId, OccurredAt = authEvent.OccurredAt, Type = authEvent.Type, FailureReason = null },
            Keys = source.Enriched.Keys with { Learner = genuine.Enriched.Keys.Learner },
        };
        return LoginFeatureExtractor.Extract(impostor, new BehaviorSnapshot(genuine.Snapshot.Learner, source.Address, source.Network, null), population);
    }

    /// <summary>Keeps a successful sign-in or an account change as a future impostor's source.</summary>
    public void Remember(ReplayStep step)
    {
        if (step.Enriched.Event.Type == AuthEventType.LoginFailed)
        {
            return;
        }

        var source = new Source(step.Enriched, step.Snapshot.Address, step.Snapshot.Network);
        if (recent.Count < Remembered)
        {
            recent.Add(source);
        }
        else
        {
            recent[next] = source;
            next = (next + 1) % Remembered;
        }
    }

    private sealed record Source(EnrichedEvent Enriched, SourceActivity Address, SourceActivity Network);
}
