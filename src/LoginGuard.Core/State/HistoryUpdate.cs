using LoginGuard.Enrichment;

namespace LoginGuard.State;

/// <summary>
/// How one event changes a learner's history. Only successful sign-ins make a device known, so a
/// stranger's failed guesses never teach LoginGuard that their device is normal.
/// </summary>
internal static class HistoryUpdate
{
    public static LearnerHistory Apply(LearnerHistory history, EnrichedEvent enriched, StateOptions options)
    {
        var authEvent = enriched.Event;
        if (!authEvent.IsSuccessfulLogin)
        {
            return history;
        }

        var at = authEvent.OccurredAt;
        var horizon = at - options.DeviceLookback;
        var devices = history.Devices
            .Select(d => d.Id == enriched.Device.Id ? d with { LastSeen = Max(d.LastSeen, at), FirstSeen = Min(d.FirstSeen, at) } : d)
            .ToList();
        if (!devices.Exists(d => d.Id == enriched.Device.Id))
        {
            devices.Add(new KnownDevice(enriched.Device.Id, at, at));
        }

        var kept = devices
            .Where(d => d.LastSeen >= horizon)
            .OrderByDescending(d => d.LastSeen)
            .Take(options.MaxDevices)
            .ToList();
        var lastSuccess = history.LastSuccessAt is { } last ? Max(last, at) : at;
        return new LearnerHistory(kept, history.SuccessfulLogins + 1, lastSuccess);
    }

    /// <summary>Devices still inside the lookback at the time of the event being scored.</summary>
    public static LearnerHistory AsOf(LearnerHistory history, DateTimeOffset at, StateOptions options)
    {
        var horizon = at - options.DeviceLookback;
        return history.Devices.All(d => d.LastSeen >= horizon)
            ? history
            : history with { Devices = history.Devices.Where(d => d.LastSeen >= horizon).ToList() };
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;
}
