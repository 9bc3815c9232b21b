using StackExchange.Redis;

namespace LoginGuard.Feedback;

/// <summary>A pending report a worker claimed: until its lease ends, no other worker sends it.</summary>
/// <param name="Sealed">The report's claim, sealed; null when its record expired before Kafka took it.</param>
internal sealed record ClaimedReport(string ReportId, string? Sealed, int Attempts, string? EventId);

/// <summary>The reports owed to Kafka, as <see cref="CompromiseReportRelay"/> claims, sends and settles them.</summary>
internal sealed partial class RedisFeedbackStore
{
    /// <summary>Claims up to <paramref name="max"/> due reports, leaving out those this worker is sending already.</summary>
    public async Task<IReadOnlyList<ClaimedReport>> ClaimDueReportsAsync(int max, IReadOnlySet<string> sending)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var due = await Db.SortedSetRangeByScoreAsync(keys.FeedbackReportsDue, double.NegativeInfinity, now, take: max + sending.Count);
        var ids = due.Select(id => (string)id!).Where(id => !sending.Contains(id)).Take(max).ToList();
        var leaseEnd = now + Milliseconds(settings.Reports.Lease);
        var claims = await Task.WhenAll(ids.Select(id => Db.ScriptEvaluateAsync(
            FeedbackScripts.Claim, [keys.FeedbackReport(id), keys.FeedbackReportsDue, keys.FeedbackReportsOwed], [id, now, leaseEnd])));
        return [.. ids.Zip(claims).Where(c => !c.Second.IsNull).Select(c => ToClaimed(c.First, c.Second))];
    }

    /// <summary>Keeps the report reserved for this worker another lease; false when it is no longer pending.</summary>
    public Task<bool> RenewReportAsync(string reportId) =>
        RescheduleAsync(reportId, clock.GetUtcNow() + settings.Reports.Lease, "");

    /// <summary>The report is tried again at <paramref name="notBefore"/>, by whichever worker claims it then.</summary>
    public Task<bool> RetryReportAsync(string reportId, DateTimeOffset notBefore, string reason) => RescheduleAsync(reportId, notBefore, reason);

    /// <summary>A stopping worker gives the report back, so the next worker sends it without waiting for the lease.</summary>
    public Task<bool> ReleaseReportAsync(string reportId) => RescheduleAsync(reportId, clock.GetUtcNow(), "");

    public Task MarkReportPublishedAsync(string reportId) => Db.ScriptEvaluateAsync(
        FeedbackScripts.Published,
        [keys.FeedbackReport(reportId), keys.FeedbackReportsDue, keys.FeedbackReportsOwed],
        [reportId, clock.GetUtcNow().ToUnixTimeMilliseconds()]);

    /// <summary>When the learner answered whose report has waited longest; null when none waits.</summary>
    public async Task<DateTimeOffset?> OldestOwedReportAsync()
    {
        var oldest = await Db.SortedSetRangeByRankWithScoresAsync(keys.FeedbackReportsOwed, 0, 0);
        return oldest.Length == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds((long)oldest[0].Score);
    }

    private async Task<bool> RescheduleAsync(string reportId, DateTimeOffset when, string reason) =>
        (int)await Db.ScriptEvaluateAsync(
            FeedbackScripts.Reschedule, [keys.FeedbackReport(reportId), keys.FeedbackReportsDue], [reportId, when.ToUnixTimeMilliseconds(), reason]) == 1;

    private static ClaimedReport ToClaimed(string reportId, RedisResult claimed)
    {
        if (claimed.Resp2Type != ResultType.Array)
        {
            return new ClaimedReport(reportId, null, 0, null);
        }

        var fields = (RedisResult[])claimed!;
        return new ClaimedReport(reportId, (string?)fields[0], (int)fields[1], (string?)fields[2]);
    }
}
