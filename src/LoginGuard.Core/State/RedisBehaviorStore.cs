using LoginGuard.Enrichment;
using LoginGuard.Ingestion;
using LoginGuard.Pipeline;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LoginGuard.State;

/// <summary>
/// Behaviour state in Redis, shared by every worker. The learner's history is one blob behind a version
/// stamp: it is read, changed by <see cref="HistoryUpdate.Apply"/> here and written back by a script only
/// if nobody wrote in between, so the C# update stays the one definition of how history changes. Redis
/// errors and timeouts surface as exceptions for the caller to retry; every write is idempotent.
/// </summary>
internal sealed class RedisBehaviorStore(IConnectionMultiplexer redis, RedisKeys keys, IOptionsMonitor<StateOptions> options) : IBehaviorStore
{
    /// <summary>
    /// Events of one learner arrive in order on one partition, so a conflict is rare; when two writers do race
    /// (a rebalance), every conflict means the other write landed, and a jittered pause breaks the tie.
    /// </summary>
    private const int MaxAttempts = 50;

    private const int Recorded = 1;
    private const int AlreadyRecorded = 0;

    private const string RecordScript = """
        if redis.call('EXISTS', @decisionKey) == 1 then return 0 end
        if redis.call('GETRANGE', @stateKey, 0, 3) ~= @expected then return -1 end
        redis.call('SET', @stateKey, @state, 'PX', @stateTtl)
        redis.call('SET', @decisionKey, @decision, 'PX', @decisionTtl)
        return 1
        """;

    private readonly RedisSourceFailures sources = new(redis);
    private readonly RedisScript record = new(redis, RecordScript);

    public async ValueTask<BehaviorSnapshot> LoadAsync(EnrichedEvent enriched, CancellationToken cancellationToken)
    {
        var learner = ReadLearnerAsync(enriched);
        var address = sources.ReadAsync(keys.AddressFailures(enriched.Keys.Address));
        var network = sources.ReadAsync(keys.NetworkFailures(enriched.Keys.Network));
        await Task.WhenAll(learner, address, network).WaitAsync(cancellationToken);

        var (state, previous) = learner.Result;
        var history = HistoryUpdate.AsOf(state.History, enriched.Event.OccurredAt, options.CurrentValue);
        return new BehaviorSnapshot(history, address.Result, network.Result, previous);
    }

    public async ValueTask<bool> RecordAsync(EnrichedEvent enriched, Decision decision, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;

        // Sources first: if the learner's write then fails, the redelivery finds no decision and comes
        // back here, where adding the same failures again changes nothing.
        var learner = ReadLearnerAsync(enriched);
        await Task.WhenAll(RecordSourcesAsync(enriched, settings), learner).WaitAsync(cancellationToken);

        var (state, previous) = learner.Result;
        var serializedDecision = DecisionJson.Serialize(decision);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (previous is not null)
            {
                return false;
            }

            var updated = HistoryUpdate.Apply(state.History, enriched, decision, settings);
            var result = (int)await record.EvaluateAsync(new
            {
                stateKey = keys.LearnerState(enriched.Keys.Learner),
                decisionKey = keys.Decision(enriched.Keys.Learner, enriched.Event.EventId),
                expected = (RedisValue)state.Version,
                state = (RedisValue)StoredHistory.Serialize(state.Next, updated),
                stateTtl = (RedisValue)(long)settings.HistoryLookback.TotalMilliseconds,
                decision = (RedisValue)serializedDecision,
                decisionTtl = (RedisValue)(long)settings.DecisionRetention.TotalMilliseconds,
            }).WaitAsync(cancellationToken);
            switch (result)
            {
                case Recorded:
                    return true;
                case AlreadyRecorded:
                    return false;
            }

            await Task.Delay(Random.Shared.Next(0, Math.Min(attempt, 10) + 1), cancellationToken);
            (state, previous) = await ReadLearnerAsync(enriched).WaitAsync(cancellationToken);
        }

        throw new InvalidOperationException(
            $"Learner state for event {enriched.Event.EventId} changed under every one of {MaxAttempts} attempts to record it; the event will be retried.");
    }

    private Task RecordSourcesAsync(EnrichedEvent enriched, StateOptions settings)
    {
        if (enriched.Event.Type != AuthEventType.LoginFailed)
        {
            return Task.CompletedTask;
        }

        var failure = new FailedAttempt(enriched.Event.OccurredAt, enriched.Keys.Learner, enriched.Event.EventId);
        return Task.WhenAll(
            sources.AddAsync(keys.AddressFailures(enriched.Keys.Address), failure, settings.MaxSourceFailures, settings),
            sources.AddAsync(keys.NetworkFailures(enriched.Keys.Network), failure, settings.MaxSourceFailures, settings));
    }

    /// <summary>The state and this event's decision in one round trip: both keys carry the learner's hash tag, so one MGET reaches them.</summary>
    private async Task<(StoredHistory State, Decision? Previous)> ReadLearnerAsync(EnrichedEvent enriched)
    {
        var values = await redis.GetDatabase().StringGetAsync(
            [keys.LearnerState(enriched.Keys.Learner), keys.Decision(enriched.Keys.Learner, enriched.Event.EventId)]);
        var decision = values[1].IsNull ? null : DecisionJson.Deserialize((byte[])values[1]!);
        return (StoredHistory.Read(values[0]), decision);
    }
}
