using System.Globalization;
using LoginGuard.Alerts;
using LoginGuard.Contracts;
using LoginGuard.Privacy;
using LoginGuard.State;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LoginGuard.Alerts.Outbox;

/// <summary>
/// The production outbox: survives restarts of the worker and is shared by every instance. Each change of an
/// alert is one script (<see cref="OutboxScripts"/>); learners are keyed by keyed hash, never by their id.
/// </summary>
internal sealed partial class RedisOutboxStore(
    IConnectionMultiplexer redis,
    RedisKeys keys,
    KeyedHasher hasher,
    IOptions<AlertOutboxOptions> outboxOptions,
    IOptions<AlertThrottleOptions> throttleOptions,
    IOptions<SuspiciousActivityOptions> suspiciousOptions,
    TimeProvider clock) : IOutboxStore
{
    private readonly AlertOutboxOptions options = outboxOptions.Value;

    private IDatabase Db => redis.GetDatabase();

    private long RetentionSeconds => (long)options.Retention.TotalSeconds;


    public async Task<EnqueueOutcome> EnqueueAsync(AddressedAlert addressed, CancellationToken cancellationToken)
    {
        var (alert, owner) = addressed;
        var throttle = throttleOptions.Value;
        var learner = hasher.Hash(KeyedHasher.UserPurpose, owner.UserId);
        var result = await Db.ScriptEvaluateAsync(
            OutboxScripts.Enqueue,
            [keys.OutboxAlert(alert.AlertId), keys.OutboxDue, keys.OutboxQueued, keys.OutboxThrottle(learner), keys.OutboxWindows, keys.OutboxLearner(learner)],
            [
                alert.AlertId, StoredAlert.Serialize(alert), alert.Kind.ToWireName(), alert.Event.EventId, Now(), RetentionSeconds,
                ThrottleMode(alert), alert.Event.OccurredAt.ToUnixTimeMilliseconds(),
                (long)(alert.Kind == AlertKind.NewDevice ? throttle.Window : suspiciousOptions.Value.QuietPeriod).TotalMilliseconds,
                throttle.MaxNewDeviceMails, alert.Incident is { } incident ? "incident:" + incident.ToWireName() : "",
                Alert.SummaryIdFor(owner.Learner, alert.Event.EventId), learner, AlertKeyPrefix, (long)AlertLifetime(throttle).TotalSeconds,
            ]);
        return (string?)result switch
        {
            "queued" => EnqueueOutcome.Queued,
            "suppressed" => EnqueueOutcome.Suppressed,
            _ => EnqueueOutcome.Duplicate,
        };
    }

    public async Task<int> CloseWindowsAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        var upTo = until == DateTimeOffset.MaxValue ? "+inf" : until.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var queued = await Db.ScriptEvaluateAsync(
            OutboxScripts.CloseWindows,
            [keys.OutboxWindows, keys.OutboxDue, keys.OutboxQueued],
            [upTo, Now(), RetentionSeconds, AlertKeyPrefix, (string)keys.OutboxThrottle("")!, options.BatchSize]);
        return (int)queued;
    }

    public async Task<IReadOnlyList<ClaimedAlert>> ClaimDueAsync(int max, CancellationToken cancellationToken)
    {
        var now = Now();
        var due = await Db.SortedSetRangeByScoreAsync(keys.OutboxDue, double.NegativeInfinity, now, take: max);
        var leaseUntil = now + (long)options.Lease.TotalMilliseconds;
        var claims = await Task.WhenAll(due.Select(id => Db.ScriptEvaluateAsync(
            OutboxScripts.Claim, [keys.OutboxAlert(id!), keys.OutboxDue, keys.OutboxQueued], [id, now, leaseUntil])));
        return [.. due.Zip(claims).Where(c => !c.Second.IsNull).Select(c => ToClaimed(c.First!, (RedisResult[])c.Second!))];
    }

    public async Task<bool> RenewAsync(ClaimedAlert claimed, CancellationToken cancellationToken)
    {
        var id = claimed.Alert.AlertId;
        var leaseUntil = Now() + (long)options.Lease.TotalMilliseconds;
        return (int)await Db.ScriptEvaluateAsync(OutboxScripts.Renew, [keys.OutboxAlert(id), keys.OutboxDue], [id, claimed.Claim, leaseUntil]) == 1;
    }

    public async Task<ClaimStanding> MarkSentAsync(ClaimedAlert claimed, CancellationToken cancellationToken)
    {
        var id = claimed.Alert.AlertId;
        return Standing(await Db.ScriptEvaluateAsync(
            OutboxScripts.MarkSent, [keys.OutboxAlert(id), keys.OutboxDue, keys.OutboxQueued], [id, Now(), RetentionSeconds, claimed.Claim]));
    }

    public async Task<ClaimStanding> RetryLaterAsync(ClaimedAlert claimed, DateTimeOffset notBefore, string reason, CancellationToken cancellationToken)
    {
        var id = claimed.Alert.AlertId;
        return Standing(await Db.ScriptEvaluateAsync(
            OutboxScripts.RetryLater, [keys.OutboxAlert(id), keys.OutboxDue], [id, notBefore.ToUnixTimeMilliseconds(), reason, claimed.Claim]));
    }

    public async Task<ClaimStanding> MarkFailedAsync(ClaimedAlert claimed, string reason, CancellationToken cancellationToken)
    {
        var id = claimed.Alert.AlertId;
        return Standing(await Db.ScriptEvaluateAsync(
            OutboxScripts.MarkFailed,
            [keys.OutboxAlert(id), keys.OutboxDue, keys.OutboxQueued, keys.OutboxFailed],
            [id, reason, Now(), RetentionSeconds, claimed.Claim]));
    }

    public async Task<IReadOnlyList<FailedAlert>> FailedAsync(int max, CancellationToken cancellationToken)
    {
        var ids = await Db.SortedSetRangeByRankAsync(keys.OutboxFailed, 0, max - 1, Order.Descending);
        var rows = await Task.WhenAll(ids.Select(id => Db.HashGetAsync(keys.OutboxAlert(id!), ["kind", "eventId", "reason", "failedAt"])));
        return [.. ids.Zip(rows)
            .Where(pair => !pair.Second[0].IsNull)
            .Select(pair => new FailedAlert(
                pair.First!, AlertKinds.FromWireName(pair.Second[0]!), pair.Second[1]!, pair.Second[2]!,
                DateTimeOffset.FromUnixTimeMilliseconds((long)pair.Second[3])))];
    }

    public async Task<OutboxState?> StateAsync(string alertId, CancellationToken cancellationToken)
    {
        var state = await Db.HashGetAsync(keys.OutboxAlert(alertId), "state");
        return state.IsNull ? null : Enum.Parse<OutboxState>(state!, ignoreCase: true);
    }

    public async Task<DateTimeOffset?> OldestQueuedAtAsync(CancellationToken cancellationToken)
    {
        var oldest = await Db.SortedSetRangeByRankWithScoresAsync(keys.OutboxQueued, 0, 0);
        return oldest.Length == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds((long)oldest[0].Score);
    }

    private static ClaimedAlert ToClaimed(string alertId, RedisResult[] fields)
    {
        var summary = (string?)fields[3];
        var alert = string.IsNullOrEmpty(summary) ? StoredAlert.Deserialize((string)fields[0]!) : StoredAlert.DeserializeSummary(summary, alertId);
        return new ClaimedAlert(alert, (int)fields[1], DateTimeOffset.FromUnixTimeMilliseconds((long)fields[2]), (long)fields[4]);
    }

    private static ClaimStanding Standing(RedisResult result) => (string?)result switch
    {
        "current" => ClaimStanding.Current,
        "superseded" => ClaimStanding.Superseded,
        _ => ClaimStanding.Settled,
    };

    private static int ThrottleMode(Alert alert) => alert switch
    {
        { Kind: AlertKind.NewDevice } => 1,
        { Kind: AlertKind.SuspiciousActivity, Incident: not null } => 2,
        _ => 0,
    };

    /// <summary>The longest an alert id can be kept after it was queued or held: a summary is queued when its window closes, given up on, then kept.</summary>
    private TimeSpan AlertLifetime(AlertThrottleOptions throttle) => throttle.Window + options.GiveUpAfter + options.Lease + options.Retention;

    private string AlertKeyPrefix => keys.OutboxAlert("")!;

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();
}
