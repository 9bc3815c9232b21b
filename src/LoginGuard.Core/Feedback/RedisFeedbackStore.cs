using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LoginGuard.Privacy;
using LoginGuard.State;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LoginGuard.Feedback;

/// <summary>
/// What feedback keeps in Redis: a marker per answered mail under the learner's hash tag holding the answer taken
/// (<c>legitimate</c> or <c>compromised</c>), and the labels stream the trainer reads, capped and expiring. A learner's
/// export shows their labels as their answers; erasure removes both.
/// </summary>
internal sealed class RedisFeedbackStore(IConnectionMultiplexer redis, RedisKeys keys, IOptions<FeedbackOptions> options) : ILearnerData
{
    private const int Page = 1000;

    private static readonly JsonSerializerOptions AnswersJson = new(JsonSerializerDefaults.Web);

    // Both: KEYS[1] the marker, KEYS[2] the learner's index of answered markers. ARGV[1] ttl ms, ARGV[2] the alert id.
    // The index lives as long as its longest-lived marker, so erasure finds every marker without a SCAN.
    private const string IndexMarker = """
        redis.call('SADD', KEYS[2], ARGV[2])
        if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[1]) then redis.call('PEXPIRE', KEYS[2], ARGV[1]) end
        return 1
        """;

    // Returns 1 when this call took the answer.
    private const string TakeLegitimateScript = """
        if not redis.call('SET', KEYS[1], 'legitimate', 'PX', ARGV[1], 'NX') then return 0 end
        """ + "\n" + IndexMarker;

    // Returns 1 when this call turned the marker to compromised.
    private const string MarkCompromisedScript = """
        if redis.call('GET', KEYS[1]) == 'compromised' then return 0 end
        redis.call('SET', KEYS[1], 'compromised', 'PX', ARGV[1])
        """ + "\n" + IndexMarker;

    /// <summary>The answer this mail has been given, if any: a label, or null (a marker of any other value was left by a report never acted on).</summary>
    public async Task<string?> AnswerOfAsync(string learner, FeedbackClaim claim)
    {
        var marker = (string?)await redis.GetDatabase().StringGetAsync(keys.FeedbackAnswered(learner, claim.AlertId));
        return marker is "legitimate" or "compromised" ? marker : null;
    }

    /// <summary>Takes a "was me" if the mail has no answer yet; false otherwise. One script: a SET NX, and the index.</summary>
    public async Task<bool> TakeLegitimateAsync(string learner, FeedbackClaim claim, DateTimeOffset now) =>
        (int)await redis.GetDatabase().ScriptEvaluateAsync(TakeLegitimateScript, Marker(learner, claim), [(long)Lifetime(claim, now).TotalMilliseconds, claim.AlertId]) == 1;

    /// <summary>
    /// Records a "wasn't me" over no answer or a "was me"; false when the mail was reported compromised already.
    /// Written only after the report was published, so a crash before it leaves the link good for a retry.
    /// </summary>
    public async Task<bool> MarkCompromisedAsync(string learner, FeedbackClaim claim, DateTimeOffset now) =>
        (int)await redis.GetDatabase().ScriptEvaluateAsync(MarkCompromisedScript, Marker(learner, claim), [(long)Lifetime(claim, now).TotalMilliseconds, claim.AlertId]) == 1;

    private RedisKey[] Marker(string learner, FeedbackClaim claim) => [keys.FeedbackAnswered(learner, claim.AlertId), keys.FeedbackAnsweredIndex(learner)];

    /// <summary>Drops the learner's earlier labels of this event: a "wasn't me" overrules the "was me" before it.</summary>
    public async Task ForgetLabelsOfAsync(string learner, string eventId)
    {
        var earlier = new List<RedisValue>();
        await foreach (var entry in EntriesOfAsync(learner))
        {
            if (entry["eventId"] == eventId)
            {
                earlier.Add(entry.Id);
            }
        }

        if (earlier.Count > 0)
        {
            await redis.GetDatabase().StreamDeleteAsync(keys.FeedbackLabels, [.. earlier]);
        }
    }

    private static TimeSpan Lifetime(FeedbackClaim claim, DateTimeOffset now) => (claim.ExpiresAt - now) + TimeSpan.FromMinutes(1);

    public async Task AddLabelAsync(FeedbackLabel label)
    {
        var settings = options.Value;
        var database = redis.GetDatabase();
        var transaction = database.CreateTransaction();
        _ = transaction.StreamAddAsync(
            keys.FeedbackLabels,
            [
                new("learner", label.Learner), new("eventId", label.EventId), new("label", label.Label),
                new("at", label.At.ToString("O", CultureInfo.InvariantCulture)), new("source", label.Source), new("trust", label.Trust),
            ],
            maxLength: settings.MaxLabels,
            useApproximateMaxLength: true);
        _ = transaction.KeyExpireAsync(keys.FeedbackLabels, settings.LabelRetention);
        await transaction.ExecuteAsync();
    }

    /// <summary>The newest labels first, for retraining.</summary>
    public async Task<IReadOnlyList<FeedbackLabel>> LabelsAsync(int max)
    {
        var entries = await redis.GetDatabase().StreamRangeAsync(keys.FeedbackLabels, count: max, messageOrder: Order.Descending);
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

    public async Task<JsonObject> ExportAsync(DataSubject learner, LearnerMentions mentions, CancellationToken cancellationToken) => new()
    {
        ["answers"] = JsonSerializer.SerializeToNode(await LabelsOfAsync(learner.Learner).WaitAsync(cancellationToken), AnswersJson),
    };

    /// <summary>
    /// Erasure: the learner's labels leave the shared stream, and their answered markers go: those the learner's index
    /// names, and those of the mails the other stores mention, which finds markers set before the index was.
    /// </summary>
    public async Task ForgetAsync(DataSubject learner, LearnerMentions mentions, CancellationToken cancellationToken)
    {
        var theirs = new List<RedisValue>();
        await foreach (var entry in EntriesOfAsync(learner.Learner))
        {
            theirs.Add(entry.Id);
        }

        var database = redis.GetDatabase();
        if (theirs.Count > 0)
        {
            await database.StreamDeleteAsync(keys.FeedbackLabels, [.. theirs]).WaitAsync(cancellationToken);
        }

        var index = keys.FeedbackAnsweredIndex(learner.Learner);
        var answered = (await database.SetMembersAsync(index).WaitAsync(cancellationToken)).Select(id => (string)id!).Union(mentions.AlertIds, StringComparer.Ordinal);
        await database.KeyDeleteAsync([.. answered.Select(alertId => keys.FeedbackAnswered(learner.Learner, alertId)), index]).WaitAsync(cancellationToken);
    }

    /// <summary>The stream is shared by every learner, so finding one learner's entries reads it all, a page at a time.</summary>
    private async IAsyncEnumerable<StreamEntry> EntriesOfAsync(string learner)
    {
        var database = redis.GetDatabase();
        RedisValue after = "-";
        while (true)
        {
            var entries = await database.StreamRangeAsync(keys.FeedbackLabels, after, "+", Page);
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

    // Labels from before sources were recorded all came through the mail link, unweighed: read as low trust.
    private static FeedbackLabel Read(StreamEntry entry) => new(
        entry["learner"]!, entry["eventId"]!, entry["label"]!, DateTimeOffset.Parse(entry["at"]!, CultureInfo.InvariantCulture),
        entry["source"].IsNull ? FeedbackLabel.MailLink : (string)entry["source"]!, entry["trust"].IsNull ? "low" : (string)entry["trust"]!);
}
