namespace LoginGuard.Activity;

/// <summary>The one order both stores keep: by event time, then by eventId, as Redis orders a sorted set's ties.</summary>
internal static class ActivityOrder
{
    public static Comparison<ActivityEntry> Oldest { get; } = (a, b) =>
        a.Score != b.Score ? a.Score.CompareTo(b.Score) : string.CompareOrdinal(a.EventId, b.EventId);
}
