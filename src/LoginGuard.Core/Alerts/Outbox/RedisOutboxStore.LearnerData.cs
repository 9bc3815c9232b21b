using System.Text.Json.Nodes;
using LoginGuard.Contracts;
using LoginGuard.Privacy;
using StackExchange.Redis;

namespace LoginGuard.Alerts.Outbox;

/// <summary>
/// The learner's mail in the Redis outbox: found through the learner's own alert index (<see cref="State.RedisKeys.OutboxLearner"/>)
/// and, for alerts queued before that index existed, through the ids the other stores mention: the alert ids their
/// activity names, and every id the learner's events could have given an alert or a summary.
/// </summary>
internal sealed partial class RedisOutboxStore : ILearnerData
{
    private static readonly AlertKind[] Kinds = Enum.GetValues<AlertKind>();

    /// <summary>The outbox's record of each mail: while queued or failed it still holds the address and name it was for.</summary>
    public async Task<JsonObject> ExportAsync(DataSubject learner, LearnerMentions mentions, CancellationToken cancellationToken)
    {
        var indexed = await Db.SortedSetRangeByRankAsync(keys.OutboxLearner(learner.UserHash)).WaitAsync(cancellationToken);
        var ids = mentions.AlertIds.Concat(indexed.Select(id => (string)id!)).Distinct(StringComparer.Ordinal).ToList();
        var hashes = await Task.WhenAll(ids.Select(id => Db.HashGetAllAsync(keys.OutboxAlert(id)))).WaitAsync(cancellationToken);
        return OutboxExport.Of(ids.Zip(hashes)
            .Where(pair => pair.Second.Length > 0)
            .Select(pair => (pair.First, pair.Second.Select(field => KeyValuePair.Create((string)field.Name!, (string?)field.Value)))));
    }

    /// <summary>One script: the alerts, their places in the queues, the throttles and the index go together.</summary>
    public Task ForgetAsync(DataSubject learner, LearnerMentions mentions, CancellationToken cancellationToken)
    {
        // A summary's id derives from the first sign-in its window held, so each of the learner's events names the
        // summary it may have started; ids that never became an alert delete nothing.
        var filedBefore = mentions.AlertIds
            .Concat(mentions.EventIds.SelectMany(eventId => Kinds.Select(kind => Alert.IdFor(learner.Learner, eventId, kind)).Append(Alert.SummaryIdFor(learner.Learner, eventId))))
            .Distinct(StringComparer.Ordinal)
            .Select(id => (RedisValue)id);
        return Db.ScriptEvaluateAsync(
            OutboxScripts.Forget,
            [keys.OutboxLearner(learner.UserHash), keys.OutboxThrottle(learner.UserHash), keys.OutboxWindows, keys.OutboxDue, keys.OutboxQueued, keys.OutboxFailed],
            [learner.UserHash, AlertKeyPrefix, .. filedBefore]).WaitAsync(cancellationToken);
    }
}
