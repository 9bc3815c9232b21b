using System.Globalization;
using System.Text.Json.Nodes;
using LoginGuard.Contracts;
using LoginGuard.Privacy;

namespace LoginGuard.Alerts.Outbox;

/// <summary>The learner's mail in the in-process outbox: every alert filed under them, their throttle window and incidents.</summary>
internal sealed partial class InMemoryOutboxStore : ILearnerData
{
    /// <summary>Each mail with the fields the Redis outbox would hold for it, so an export reads the same from either.</summary>
    public Task<JsonObject> ExportAsync(DataSubject learner, LearnerMentions mentions, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(OutboxExport.Of([.. entries.Values.Where(e => e.Owner.Learner == learner.Learner).Select(e => (e.Alert.AlertId, Fields(e)))]));
        }
    }

    /// <summary>Drops every alert, whatever its state, the throttle window and the incidents of the learner.</summary>
    public Task ForgetAsync(DataSubject learner, LearnerMentions mentions, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            foreach (var id in entries.Where(e => e.Value.Owner.Learner == learner.Learner).Select(e => e.Key).ToList())
            {
                entries.Remove(id);
            }

            throttles.Remove(learner.UserId);
            foreach (var key in incidents.Keys.Where(k => k.UserId == learner.UserId).ToList())
            {
                incidents.Remove(key);
            }
        }

        return Task.CompletedTask;
    }

    private static IEnumerable<KeyValuePair<string, string?>> Fields(Entry entry)
    {
        var alert = entry.Alert;
        yield return KeyValuePair.Create("state", (string?)entry.State.ToString().ToLowerInvariant());
        yield return KeyValuePair.Create("kind", (string?)alert.Kind.ToWireName());
        yield return KeyValuePair.Create("eventId", (string?)alert.Event.EventId);
        if (entry.State == OutboxState.Suppressed)
        {
            yield break;
        }

        // Like Redis, a sent mail keeps no address: the payload goes once it is sent.
        if (entry.State != OutboxState.Sent)
        {
            yield return alert.Summarizes is { } held
                ? KeyValuePair.Create("summary", (string?)$"[{string.Join(',', held.Select(StoredAlert.Serialize))}]")
                : KeyValuePair.Create("payload", (string?)StoredAlert.Serialize(alert));
        }

        yield return KeyValuePair.Create("attempts", (string?)entry.Attempts.ToString(CultureInfo.InvariantCulture));
        yield return KeyValuePair.Create("queuedAt", (string?)entry.QueuedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        if (entry.Reason is { } reason)
        {
            yield return KeyValuePair.Create("reason", (string?)reason);
        }
    }
}
