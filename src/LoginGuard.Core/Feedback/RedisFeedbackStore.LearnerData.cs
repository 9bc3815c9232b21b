using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LoginGuard.Privacy;
using LoginGuard.State;
using StackExchange.Redis;

namespace LoginGuard.Feedback;

/// <summary>
/// A learner's part of feedback: their labels, their answers and their reports, found through the learner's indexes of
/// the events they answered about (<see cref="RedisKeys.FeedbackLabelled"/>) and the mails they answered
/// (<see cref="RedisKeys.FeedbackAnswers"/>), and the events and mails the other stores mention.
/// </summary>
internal sealed partial class RedisFeedbackStore : ILearnerData
{
    private static readonly JsonSerializerOptions AnswersJson = new(JsonSerializerDefaults.Web);

    /// <summary>Their labels as their answers, and each report of a "wasn't me": waiting for Kafka, or when Kafka took it.</summary>
    public async Task<JsonObject> ExportAsync(DataSubject learner, LearnerMentions mentions, CancellationToken cancellationToken)
    {
        var reports = new JsonArray();
        foreach (var (eventId, report) in await ReportsOfAsync(learner.Learner, mentions).WaitAsync(cancellationToken))
        {
            reports.Add(new JsonObject
            {
                ["eventId"] = eventId,
                ["state"] = (string?)report.GetValueOrDefault("state"),
                ["answeredAt"] = Time(report.GetValueOrDefault("answeredAt")),
                ["publishedAt"] = Time(report.GetValueOrDefault("publishedAt")),
            });
        }

        return new()
        {
            ["answers"] = JsonSerializer.SerializeToNode(await LabelsOfAsync(learner.Learner).WaitAsync(cancellationToken), AnswersJson),
            ["reports"] = reports,
        };
    }

    /// <summary>
    /// Erasure: the learner's labels leave the shared stream, and their answers, index and reports go, a report still
    /// waiting for Kafka included: the learner is gone, and nothing may name them afterwards.
    /// </summary>
    public async Task ForgetAsync(DataSubject learner, LearnerMentions mentions, CancellationToken cancellationToken)
    {
        var labels = new List<RedisValue>();
        await foreach (var entry in EntriesOfAsync(learner.Learner).WithCancellation(cancellationToken))
        {
            labels.Add(entry.Id);
        }

        var reportIds = (await ReportsOfAsync(learner.Learner, mentions).WaitAsync(cancellationToken)).Select(r => (RedisValue)CompromiseReport.IdFor(learner.Learner, r.EventId)).ToArray();
        var answered = await Db.SetMembersAsync(keys.FeedbackAnswers(learner.Learner)).WaitAsync(cancellationToken);
        var answers = answered.Select(alertId => (string)alertId!).Union(mentions.AlertIds, StringComparer.Ordinal)
            .Select(alertId => keys.FeedbackAnswer(learner.Learner, alertId)).Append(keys.FeedbackAnswers(learner.Learner));

        var transaction = Db.CreateTransaction();
        if (labels.Count > 0)
        {
            _ = transaction.StreamDeleteAsync(keys.FeedbackLabels, [.. labels]);
        }

        if (reportIds.Length > 0)
        {
            _ = transaction.SortedSetRemoveAsync(keys.FeedbackReportsDue, reportIds);
            _ = transaction.SortedSetRemoveAsync(keys.FeedbackReportsOwed, reportIds);
        }

        _ = transaction.KeyDeleteAsync([keys.FeedbackLabelled(learner.Learner), .. answers, .. reportIds.Select(id => keys.FeedbackReport(id!))]);
        await transaction.ExecuteAsync().WaitAsync(cancellationToken);

        // Answers kept before #17 lived under the learner's own tag, in another slot, in no index: the mails the other
        // stores mention name them.
        if (mentions.AlertIds.Count > 0)
        {
            await Db.KeyDeleteAsync([.. mentions.AlertIds.Select(alertId => keys.FeedbackAnsweredBefore(learner.Learner, alertId))]).WaitAsync(cancellationToken);
        }
    }

    /// <summary>The learner's reports that exist, by event: every event they labelled, and every event another store knows of them.</summary>
    private async Task<List<(string EventId, Dictionary<string, RedisValue> Report)>> ReportsOfAsync(string learner, LearnerMentions mentions)
    {
        var labelled = await Db.HashKeysAsync(keys.FeedbackLabelled(learner));
        var eventIds = labelled.Select(e => (string)e!).Concat(mentions.EventIds).Distinct(StringComparer.Ordinal).ToList();
        var reports = await Task.WhenAll(eventIds.Select(eventId => Db.HashGetAllAsync(keys.FeedbackReport(CompromiseReport.IdFor(learner, eventId)))));
        return [.. eventIds.Zip(reports)
            .Where(pair => pair.Second.Length > 0)
            .Select(pair => (pair.First, pair.Second.ToDictionary(field => (string)field.Name!, field => field.Value)))];
    }

    private static string? Time(RedisValue unixMilliseconds) =>
        unixMilliseconds.IsNull ? null : DateTimeOffset.FromUnixTimeMilliseconds((long)unixMilliseconds).ToString("O", CultureInfo.InvariantCulture);
}
