using LoginGuard.Activity;
using LoginGuard.Alerts;
using LoginGuard.Contracts;
using LoginGuard.Enrichment;
using LoginGuard.Feedback;
using LoginGuard.Privacy;
using LoginGuard.State;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace LoginGuard.LearnerRecords;

/// <summary>
/// Erasure in Redis. The learner's own keys share their hash tag and go with one SCAN and one DEL; their mails
/// live under the outbox's tag and are found by the alert ids their activity and decisions name, as are the
/// eventId → learner index keys by the events; the shared failure sets are scanned for members that end with
/// the learner's hash, the labels stream for their labels.
/// </summary>
internal sealed class RedisLearnerEraser(
    IConnectionMultiplexer redis, RedisKeys keys, StateKeyMaker stateKeys, KeyedHasher hasher, RedisFeedbackStore feedback, ILogger<RedisLearnerEraser> logger)
    : ILearnerEraser
{
    // KEYS[1] an event's owner; ARGV[1] the learner being erased.
    private const string DeleteOwnerScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;

    /// <summary>Erases what is filed under the current hash key and under every previous one (<see cref="PrivacyOptions.PreviousHashKeys"/>).</summary>
    public async Task EraseAsync(string userId, CancellationToken cancellationToken)
    {
        await EraseUnderAsync(userId, stateKeys, hasher, cancellationToken);
        foreach (var previous in hasher.Previous)
        {
            await EraseUnderAsync(userId, new StateKeyMaker(previous), previous, cancellationToken);
        }
    }

    private async Task EraseUnderAsync(string userId, StateKeyMaker keyMaker, KeyedHasher keyHasher, CancellationToken cancellationToken)
    {
        var learner = keyMaker.Learner(userId);
        var database = redis.GetDatabase();
        var (alertIds, eventIds) = await DecidedAsync(learner, cancellationToken);
        await ForgetFailuresAsync(learner, cancellationToken);
        await feedback.ForgetAsync(learner).WaitAsync(cancellationToken);

        // A summary's id derives from the first sign-in its window held, so each of the learner's events names the
        // summary it may have started; ids that never became a summary delete nothing.
        alertIds.UnionWith(eventIds.Select(id => Alert.SummaryIdFor(learner, id)));
        var throttleOwner = keyHasher.Hash(KeyedHasher.UserPurpose, userId);
        var outboxKeys = alertIds.Select(id => keys.OutboxAlert(id))
            .Append(keys.OutboxThrottle(throttleOwner))
            .ToArray();
        var ids = alertIds.Select(id => (RedisValue)id).ToArray();
        await database.SortedSetRemoveAsync(keys.OutboxWindows, throttleOwner).WaitAsync(cancellationToken);
        await database.KeyDeleteAsync(outboxKeys).WaitAsync(cancellationToken);
        if (ids.Length > 0)
        {
            await Task.WhenAll(
                database.SortedSetRemoveAsync(keys.OutboxDue, ids),
                database.SortedSetRemoveAsync(keys.OutboxQueued, ids),
                database.SortedSetRemoveAsync(keys.OutboxFailed, ids)).WaitAsync(cancellationToken);
        }

        // Each in its own slot, so one script apiece, and only where it still names this learner: an eventId
        // another account reused must keep leading to that account's decision.
        await Task.WhenAll(eventIds.Select(id => database.ScriptEvaluateAsync(DeleteOwnerScript, [keys.DecisionOwner(id)], [learner]))).WaitAsync(cancellationToken);

        // Last, so an erasure cut short is found again by the same activity and decisions when it is repeated.
        var own = await ScanAsync(keys.LearnerPattern(learner), cancellationToken);
        if (own.Count > 0)
        {
            await database.KeyDeleteAsync([.. own]).WaitAsync(cancellationToken);
        }

        ErasureLog.Erased(logger, learner);
    }

    /// <summary>
    /// Every mail the learner's remembered events owed (named in their activity, or derived from their decisions),
    /// and the events their activity and kept decisions are for.
    /// </summary>
    private async Task<(HashSet<string> AlertIds, HashSet<string> EventIds)> DecidedAsync(string learner, CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        var (ids, eventIds) = (new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
        foreach (var value in await database.HashValuesAsync(keys.ActivityEntries(learner)).WaitAsync(cancellationToken))
        {
            var entry = ActivityJson.Deserialize(value!);
            ids.UnionWith(entry.AlertIds);
            eventIds.Add(entry.EventId);
        }

        var decisionKeys = await ScanAsync(keys.DecisionPattern(learner), cancellationToken);
        var decisions = decisionKeys.Count == 0 ? [] : await database.StringGetAsync([.. decisionKeys]).WaitAsync(cancellationToken);
        foreach (var value in decisions.Where(v => !v.IsNull))
        {
            var decision = DecisionJson.Deserialize((byte[])value!);
            ids.UnionWith(decision.Alerts.Select(kind => Alert.IdFor(learner, decision.EventId, kind)));
            eventIds.Add(decision.EventId);
        }

        return (ids, eventIds);
    }

    private async Task ForgetFailuresAsync(string learner, CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        foreach (var pattern in keys.SourceFailurePatterns)
        {
            foreach (var key in await ScanAsync(pattern, cancellationToken))
            {
                var members = new List<RedisValue>();
                await foreach (var member in database.SortedSetScanAsync(key, $"*{RedisSourceFailures.Separator}{learner}", pageSize: 500).WithCancellation(cancellationToken))
                {
                    members.Add(member.Element);
                }

                if (members.Count > 0)
                {
                    await database.SortedSetRemoveAsync(key, [.. members]).WaitAsync(cancellationToken);
                }
            }
        }
    }

    private async Task<List<RedisKey>> ScanAsync(RedisValue pattern, CancellationToken cancellationToken)
    {
        var found = new List<RedisKey>();
        await foreach (var key in RedisKeyspace.ScanAsync(redis, pattern, cancellationToken))
        {
            found.Add(key);
        }

        return found;
    }
}
