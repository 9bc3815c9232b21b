using System.Text.Json;
using System.Text.Json.Nodes;
using LoginGuard.Activity;
using LoginGuard.Contracts;
using LoginGuard.Enrichment;
using LoginGuard.Feedback;
using LoginGuard.Privacy;
using LoginGuard.State;
using StackExchange.Redis;

namespace LoginGuard.LearnerRecords;

/// <summary>
/// Reads what Redis holds about one learner, for the learner (export) and for the security team (one decision).
/// Everything is found under the learner's hash tag, plus the mails their activity names in the outbox.
/// </summary>
internal sealed class RedisLearnerRecords(
    IConnectionMultiplexer redis, RedisKeys keys, StateKeyMaker stateKeys, KeyedHasher hasher, IActivityLog activity, RedisFeedbackStore feedback)
{
    private static readonly JsonSerializerOptions HistoryJson = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The decision made for the learner's event, while <c>State:DecisionRetention</c> keeps it, with the learner's
    /// hash; null when unknown.
    /// </summary>
    public async Task<(Decision Decision, string Learner)?> DecisionAsync(string userId, string eventId, CancellationToken cancellationToken)
    {
        var learner = stateKeys.Learner(userId);
        return await DecisionOfAsync(learner, eventId, cancellationToken) is { } decision ? (decision with { UserId = userId }, learner) : null;
    }

    /// <summary>
    /// The decision made for an event, found through the event's owner, with the owner's hash; null when unknown,
    /// expired or erased. Its userId is "": Redis keeps none, and this lookup is not given one.
    /// </summary>
    public async Task<(Decision Decision, string Learner)?> DecisionAsync(string eventId, CancellationToken cancellationToken)
    {
        var owner = await redis.GetDatabase().StringGetAsync(keys.DecisionOwner(eventId)).WaitAsync(cancellationToken);
        return !owner.IsNull && await DecisionOfAsync(owner!, eventId, cancellationToken) is { } decision ? (decision, (string)owner!) : null;
    }

    private async Task<Decision?> DecisionOfAsync(string learner, string eventId, CancellationToken cancellationToken)
    {
        var value = await redis.GetDatabase().StringGetAsync(keys.Decision(learner, eventId)).WaitAsync(cancellationToken);
        return value.IsNull ? null : DecisionJson.Deserialize((byte[])value!);
    }

    public Task<IReadOnlyList<ActivityEntry>> ActivityAsync(string userId, CancellationToken cancellationToken) =>
        activity.ReadAsync(stateKeys.Learner(userId), cancellationToken);

    /// <summary>
    /// Everything kept about the learner, as one JSON document: history, decisions, activity, mails and answers;
    /// what is still filed under a hash key rotated out comes along under <c>underPreviousHashKeys</c>.
    /// </summary>
    public async Task<JsonObject> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var export = await ExportUnderAsync(userId, stateKeys.Learner(userId), cancellationToken);
        if (hasher.Previous.Count > 0)
        {
            var previous = new JsonArray();
            foreach (var rotated in hasher.Previous)
            {
                var found = await ExportUnderAsync(userId, new StateKeyMaker(rotated).Learner(userId), cancellationToken);
                found["hashKeyId"] = rotated.KeyId;
                previous.Add(found);
            }

            export["underPreviousHashKeys"] = previous;
        }

        return export;
    }

    private async Task<JsonObject> ExportUnderAsync(string userId, string learner, CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        var state = await database.StringGetAsync(keys.LearnerState(learner)).WaitAsync(cancellationToken);
        var entries = await activity.ReadAsync(learner, cancellationToken);
        var decisions = await DecisionsAsync(learner, cancellationToken);

        return new JsonObject
        {
            ["userId"] = userId,
            ["storedUnder"] = learner,
            ["history"] = state.IsNull ? null : JsonSerializer.SerializeToNode(StoredHistory.Read(state).History, HistoryJson),
            ["decisions"] = new JsonArray([.. decisions.OrderByDescending(d => d.OccurredAt).Select(d => JsonNode.Parse(DecisionJson.Serialize(d with { UserId = userId })))]),
            ["activity"] = JsonSerializer.SerializeToNode(entries, ActivityJson.Default.IReadOnlyListActivityEntry),
            ["mails"] = new JsonArray([.. await MailsAsync(entries, cancellationToken)]),
            ["answers"] = JsonSerializer.SerializeToNode(await feedback.LabelsOfAsync(learner).WaitAsync(cancellationToken), HistoryJson),
        };
    }

    private async Task<List<Decision>> DecisionsAsync(string learner, CancellationToken cancellationToken)
    {
        var found = new List<RedisKey>();
        await foreach (var key in RedisKeyspace.ScanAsync(redis, keys.DecisionPattern(learner), cancellationToken))
        {
            found.Add(key);
        }

        var values = found.Count == 0 ? [] : await redis.GetDatabase().StringGetAsync([.. found]).WaitAsync(cancellationToken);
        return [.. values.Where(v => !v.IsNull).Select(v => DecisionJson.Deserialize((byte[])v!))];
    }

    /// <summary>The outbox's record of each mail: while queued or failed it still holds the address and name it was for.</summary>
    private async Task<IEnumerable<JsonNode?>> MailsAsync(IReadOnlyList<ActivityEntry> entries, CancellationToken cancellationToken)
    {
        var ids = entries.SelectMany(e => e.AlertIds).Distinct(StringComparer.Ordinal).ToList();
        var database = redis.GetDatabase();
        var hashes = await Task.WhenAll(ids.Select(id => database.HashGetAllAsync(keys.OutboxAlert(id)))).WaitAsync(cancellationToken);
        return ids.Zip(hashes)
            .Where(pair => pair.Second.Length > 0)
            .Select(pair =>
            {
                var mail = new JsonObject { ["alertId"] = pair.First };
                foreach (var field in pair.Second)
                {
                    mail[(string)field.Name!] = field.Name == "payload" ? JsonNode.Parse((string)field.Value!) : (string?)field.Value;
                }

                return (JsonNode?)mail;
            });
    }
}
