using System.Globalization;
using LoginGuard.State;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LoginGuard.Feedback;

/// <summary>
/// What feedback keeps in Redis: a marker per answered mail under the learner's hash tag (single use), and the
/// labels stream the trainer reads, capped and expiring. Erasure removes both for a learner.
/// </summary>
internal sealed class RedisFeedbackStore(IConnectionMultiplexer redis, RedisKeys keys, IOptions<FeedbackOptions> options)
{
    private const int Page = 1000;

    /// <summary>True for the first answer to this mail; false when it was answered already. One atomic SET NX.</summary>
    public Task<bool> ConsumeAsync(string learner, FeedbackClaim claim, DateTimeOffset now) =>
        redis.GetDatabase().StringSetAsync(
            keys.FeedbackAnswered(learner, claim.AlertId),
            now.ToUnixTimeMilliseconds(),
            (claim.ExpiresAt - now) + TimeSpan.FromMinutes(1),
            When.NotExists);

    public Task ReleaseAsync(string learner, FeedbackClaim claim) =>
        redis.GetDatabase().KeyDeleteAsync(keys.FeedbackAnswered(learner, claim.AlertId));

    public async Task AddLabelAsync(FeedbackLabel label)
    {
        var settings = options.Value;
        var database = redis.GetDatabase();
        var transaction = database.CreateTransaction();
        _ = transaction.StreamAddAsync(
            keys.FeedbackLabels,
            [
                new("learner", label.Learner), new("eventId", label.EventId), new("label", label.Label),
                new("at", label.At.ToString("O", CultureInfo.InvariantCulture)),
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

    /// <summary>Erasure: the learner's labels leave the shared stream; their answered markers go with their hash tag.</summary>
    public async Task ForgetAsync(string learner)
    {
        var theirs = new List<RedisValue>();
        await foreach (var entry in EntriesOfAsync(learner))
        {
            theirs.Add(entry.Id);
        }

        if (theirs.Count > 0)
        {
            await redis.GetDatabase().StreamDeleteAsync(keys.FeedbackLabels, [.. theirs]);
        }
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

    private static FeedbackLabel Read(StreamEntry entry) => new(
        entry["learner"]!, entry["eventId"]!, entry["label"]!, DateTimeOffset.Parse(entry["at"]!, CultureInfo.InvariantCulture));
}
