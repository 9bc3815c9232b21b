using System.Text.Json.Nodes;
using LoginGuard.Contracts;
using LoginGuard.Privacy;
using StackExchange.Redis;

namespace LoginGuard.State;

/// <summary>
/// The learner's part of behavior state: history, decisions and their published marks under the learner's hash tag,
/// the eventId → learner index keys, and the learner's failures in the shared address and network sets.
/// </summary>
internal sealed partial class RedisBehaviorStore : ILearnerData
{
    // KEYS[1] an event's owner; ARGV[1] the learner being erased.
    private const string DeleteOwnerScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;

    /// <summary>Its decisions name the learner's events, through which the outbox finds the mails they owed.</summary>
    public bool ForgetsLast => true;

    public async Task<LearnerMentions> MentionsAsync(DataSubject learner, CancellationToken cancellationToken) =>
        LearnerMentions.Of((await DecisionsAsync(learner.Learner, cancellationToken)).Select(d => d.EventId), []);

    public async Task<JsonObject> ExportAsync(DataSubject learner, LearnerMentions mentions, CancellationToken cancellationToken)
    {
        var state = await redis.GetDatabase().StringGetAsync(keys.LearnerState(learner.Learner)).WaitAsync(cancellationToken);
        return BehaviorExport.Of(learner.UserId, state.IsNull ? null : StoredHistory.Read(state).History, await DecisionsAsync(learner.Learner, cancellationToken));
    }

    /// <summary>
    /// The index keys of every mentioned event and the learner's failures first; the state, decisions and published
    /// marks last, in one DEL, so an erasure cut short still finds the events through the decisions when repeated.
    /// </summary>
    public async Task ForgetAsync(DataSubject learner, LearnerMentions mentions, CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();

        // Each in its own slot, so one script apiece, and only where it still names this learner: an eventId
        // another account reused must keep leading to that account's decision.
        await Task.WhenAll(mentions.EventIds.Select(id => database.ScriptEvaluateAsync(DeleteOwnerScript, [keys.DecisionOwner(id)], [learner.Learner])))
            .WaitAsync(cancellationToken);
        await sources.ForgetAsync(keys.SourceFailurePatterns, learner.Learner, cancellationToken);

        var own = new List<RedisKey> { keys.LearnerState(learner.Learner) };
        await foreach (var key in RedisKeyspace.ScanAsync(redis, keys.RecordPattern(learner.Learner), cancellationToken))
        {
            own.Add(key);
        }

        await database.KeyDeleteAsync([.. own]).WaitAsync(cancellationToken);
    }

    /// <summary>The decision kept for one event of the learner; null when unknown, expired or erased.</summary>
    public async Task<Decision?> DecisionAsync(string learner, string eventId, CancellationToken cancellationToken)
    {
        var value = await redis.GetDatabase().StringGetAsync(keys.Decision(learner, eventId)).WaitAsync(cancellationToken);
        return value.IsNull ? null : DecisionJson.Deserialize((byte[])value!);
    }

    /// <summary>The learner whose event this is, from the index the first decision of it wrote; null when unknown.</summary>
    public async Task<string?> OwnerOfAsync(string eventId, CancellationToken cancellationToken) =>
        await redis.GetDatabase().StringGetAsync(keys.DecisionOwner(eventId)).WaitAsync(cancellationToken);

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
}
