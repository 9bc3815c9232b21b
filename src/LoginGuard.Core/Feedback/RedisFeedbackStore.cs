using System.Globalization;
using LoginGuard.State;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LoginGuard.Feedback;

/// <summary>
/// What feedback keeps in Redis, every key under <c>{labels}</c>: the answer taken per mail, the labels stream the trainer
/// reads (capped, expiring) with each learner's index of it, and the "wasn't me" reports owed to Kafka, which
/// <see cref="CompromiseReportRelay"/> sends from here. An answer, its label and its report are written in one script
/// (<see cref="FeedbackScripts.Answer"/>): once it has run the report will be sent, and if it has not, nothing was
/// recorded and the learner may answer again.
/// </summary>
internal sealed partial class RedisFeedbackStore(IConnectionMultiplexer redis, RedisKeys keys, IOptions<FeedbackOptions> options, TimeProvider clock)
{
    private const int Page = 1000;
    private const string Legitimate = "legitimate";
    private const string Compromised = "compromised";

    private readonly FeedbackOptions settings = options.Value;

    private IDatabase Db => redis.GetDatabase();

    /// <summary>
    /// Takes the answer if the mail has none that stands (anything over none, "wasn't me" over "was me"): the answer, the
    /// learner's label of the event and, with <paramref name="sealedReport"/>, the report owed to Kafka, in one script.
    /// False when the mail was answered already. Throws when Redis did not answer: then nothing may have been kept.
    /// </summary>
    /// <param name="sealedReport">The report's claim, sealed (<see cref="FeedbackTokens.SealReport"/>), for a "wasn't me"; null for a "was me".</param>
    public async Task<bool> TakeAsync(FeedbackLabel label, FeedbackClaim claim, string? sealedReport)
    {
        var learner = label.Learner;
        var before = (string?)await Db.StringGetAsync(keys.FeedbackAnsweredBefore(learner, claim.AlertId));
        List<RedisValue> labelsBefore = [];
        if (before == Legitimate && label.Label == Compromised)
        {
            // A "was me" taken before #17 left its label outside the learner's index: "wasn't me" drops it by its stream id.
            await foreach (var entry in EntriesOfAsync(learner))
            {
                if (entry["eventId"] == label.EventId && entry["label"] == Legitimate)
                {
                    labelsBefore.Add(entry.Id);
                }
            }
        }

        var reportId = CompromiseReport.IdFor(learner, label.EventId);
        var taken = await Db.ScriptEvaluateAsync(
            FeedbackScripts.Answer,
            [
                keys.FeedbackAnswer(learner, claim.AlertId), keys.FeedbackLabels, keys.FeedbackLabelled(learner),
                keys.FeedbackReport(reportId), keys.FeedbackReportsDue, keys.FeedbackReportsOwed, keys.FeedbackAnswers(learner),
            ],
            [
                label.Label, before is Legitimate or Compromised ? before : "", Milliseconds(claim.ExpiresAt - label.At + TimeSpan.FromMinutes(1)),
                learner, label.EventId, label.At.ToString("O", CultureInfo.InvariantCulture), label.Source, label.Trust,
                settings.MaxLabels, Milliseconds(settings.LabelRetention),
                sealedReport ?? "", Milliseconds(settings.Reports.Retention), reportId, label.At.ToUnixTimeMilliseconds(), claim.AlertId,
                .. labelsBefore,
            ]);
        return (int)taken == 1;
    }

    /// <summary>The newest labels first, for retraining.</summary>
    public async Task<IReadOnlyList<FeedbackLabel>> LabelsAsync(int max)
    {
        var entries = await Db.StreamRangeAsync(keys.FeedbackLabels, count: max, messageOrder: Order.Descending);
        return [.. entries.Select(Read)];
    }

    /// <summary>The learner's own labels, oldest first, for their export.</summary>
    public async Task<IReadOnlyList<FeedbackLabel>> LabelsOfAsync(string learner)
    {
        var labels = new List<FeedbackLabel>();
        await foreach (var entry in EntriesOfAsync(learner))
        {
            labels.Add(Read(entry));
        }

        return labels;
    }

    /// <summary>
    /// The stream is shared by every learner, and labels written before #17 are in no learner's index, so finding one
    /// learner's entries reads it all, a page at a time.
    /// </summary>
    private async IAsyncEnumerable<StreamEntry> EntriesOfAsync(string learner)
    {
        RedisValue after = "-";
        while (true)
        {
            var entries = await Db.StreamRangeAsync(keys.FeedbackLabels, after, "+", Page);
            foreach (var entry in entries.Where(e => e["learner"] == learner))
            {
                yield return entry;
            }

            if (entries.Length < Page)
            {
                yield break;
            }

            after = "(" + entries[^1].Id;
        }
    }

    private static long Milliseconds(TimeSpan span) => (long)span.TotalMilliseconds;

    // Labels from before sources were recorded all came through the mail link, unweighed: read as low trust.
    private static FeedbackLabel Read(StreamEntry entry) => new(
        entry["learner"]!, entry["eventId"]!, entry["label"]!, DateTimeOffset.Parse(entry["at"]!, CultureInfo.InvariantCulture),
        entry["source"].IsNull ? FeedbackLabel.MailLink : (string)entry["source"]!, entry["trust"].IsNull ? "low" : (string)entry["trust"]!);
}
