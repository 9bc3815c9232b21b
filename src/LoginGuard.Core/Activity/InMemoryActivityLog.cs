using System.Text.Json.Nodes;
using LoginGuard.Privacy;
using Microsoft.Extensions.Options;

namespace LoginGuard.Activity;

/// <summary>The activity of the embedded replay and of tests, under one lock; the same rules as Redis.</summary>
internal sealed class InMemoryActivityLog(IOptionsMonitor<ActivityOptions> options, TimeProvider clock) : IActivityLog, ILearnerData
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, List<ActivityEntry>> learners = new(StringComparer.Ordinal);

    public Task RecordAsync(IReadOnlyList<(string Learner, ActivityEntry Entry)> entries, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        lock (gate)
        {
            foreach (var (learner, entry) in entries)
            {
                Record(learners.TryGetValue(learner, out var found) ? found : learners[learner] = [], entry, settings);
            }
        }

        return Task.CompletedTask;
    }

    private static void Record(List<ActivityEntry> entries, ActivityEntry entry, ActivityOptions settings)
    {
        if (entries.Exists(e => e.EventId == entry.EventId))
        {
            return;
        }

        entries.Add(entry);
        var horizon = entries.Max(e => e.Score) - (long)settings.Retention.TotalMilliseconds;
        entries.RemoveAll(e => e.Score < horizon);
        entries.Sort(ActivityOrder.Oldest);
        if (entries.Count > settings.MaxEntries)
        {
            entries.RemoveRange(0, entries.Count - settings.MaxEntries);
        }
    }

    public Task<IReadOnlyList<ActivityEntry>> ReadAsync(string learner, CancellationToken cancellationToken)
    {
        var horizon = (clock.GetUtcNow() - options.CurrentValue.Retention).ToUnixTimeMilliseconds();
        lock (gate)
        {
            IReadOnlyList<ActivityEntry> entries = learners.TryGetValue(learner, out var found)
                ? [.. found.Where(e => e.Score >= horizon).Reverse()]
                : [];
            return Task.FromResult(entries);
        }
    }

    public Task ForgetAsync(string learner, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            learners.Remove(learner);
        }

        return Task.CompletedTask;
    }

    public async Task<JsonObject> ExportAsync(DataSubject learner, LearnerMentions mentions, CancellationToken cancellationToken) =>
        ActivityJson.Export(await ReadAsync(learner.Learner, cancellationToken));

    public Task ForgetAsync(DataSubject learner, LearnerMentions mentions, CancellationToken cancellationToken) => ForgetAsync(learner.Learner, cancellationToken);
}
