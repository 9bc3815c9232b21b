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
        LearnerMentions.Of(await DecidedAsync(learner.Learner, cancellationToken), []);

    /// <summary>
    /// The history, the decisions its own index and the other stores' mentions name (the mentions reach decisions written
    /// before the index was), and the learner's tombstone.
    /// </summary>
    public async Task<JsonObject> ExportAsync(DataSubject learner, LearnerMentions mentions, CancellationToken cancellationToken)
    {
        var values = await redis.GetDatabase().StringGetAsync([keys.LearnerState(learner.Learner), keys.Tombstone(learner.Learner)]).WaitAsync(cancellationToken);
        var eventIds = (await DecidedAsync(learner.Learner, cancellationToken)).Union(mentions.EventIds, StringComparer.Ordinal).ToList();
        return BehaviorExport.Of(
            learner.UserId,
            values[0].IsNull ? null : StoredHistory.Read(values[0]).History,
            await DecisionsAsync(learner.Learner, eventIds, cancellationToken),
            values[1].IsNull ? null : new Tombstone(learner.Learner, DateTimeOffset.FromUnixTimeMilliseconds((long)values[1])));
    }

    /// <summary>
    /// The index keys of every decided or mentioned event and the learner's failures first; the state, decisions,
    /// published marks and the indexes last, in one DEL, so an erasure cut short still finds everything when repeated.
    /// Everything is found through the learner's own indexes and the other stores' mentions, never by a SCAN.
    /// </summary>
    public async Task ForgetAsync(DataSubject learner, LearnerMentions mentions, CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        var eventIds = (await DecidedAsync(learner.Learner, cancellationToken)).Union(mentions.EventIds, StringComparer.Ordinal).ToList();

        // Each in its own slot, so one script apiece, and only where it still names this learner: an eventId
        // another account reused must keep leading to that account's decision.
        await Task.WhenAll(eventIds.Select(id => database.ScriptEvaluateAsync(DeleteOwnerScript, [keys.DecisionOwner(id)], [learner.Learner])))
            .WaitAsync(cancellationToken);
        var failed = await database.SortedSetRangeByRankAsync(keys.FailureSources(learner.Learner)).WaitAsync(cancellationToken);
        await sources.ForgetAsync([.. failed.Select(source => keys.SourceFailures(source!))], learner.Learner, cancellationToken);

        RedisKey[] own =
        [
            keys.LearnerState(learner.Learner), keys.DecisionIndex(learner.Learner), keys.FailureSources(learner.Learner),
            .. eventIds.SelectMany(id => new[] { keys.Decision(learner.Learner, id), keys.Published(learner.Learner, id) }),
        ];
        await database.KeyDeleteAsync(own).WaitAsync(cancellationToken);
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

    /// <summary>The eventIds the learner's decision index holds: every decision kept since the index was.</summary>
    private async Task<IEnumerable<string>> DecidedAsync(string learner, CancellationToken cancellationToken) =>
        (await redis.GetDatabase().SortedSetRangeByRankAsync(keys.DecisionIndex(learner)).WaitAsync(cancellationToken)).Select(id => (string)id!);

    private async Task<List<Decision>> DecisionsAsync(string learner, IReadOnlyList<string> eventIds, CancellationToken cancellationToken)
    {
        var values = eventIds.Count == 0 ? [] : await redis.GetDatabase().StringGetAsync([.. eventIds.Select(id => keys.Decision(learner, id))]).WaitAsync(cancellationToken);
        return [.. values.Where(v => !v.IsNull).Select(v => DecisionJson.Deserialize((byte[])v!))];
    }
}
