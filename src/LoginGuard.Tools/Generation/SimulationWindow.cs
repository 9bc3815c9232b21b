namespace LoginGuard.Tools.Generation;

/// <summary>
/// The UTC span the stream covers. Sessions are drawn in learners' local days, which spill over the UTC
/// edges, so sessions too close to either edge are dropped: a session's whole episode (typos before it,
/// chores after it) then stays inside the span.
/// </summary>
internal sealed record SimulationWindow(DateOnly FirstDay, int Days)
{
    private static readonly TimeSpan Margin = TimeSpan.FromHours(2);

    public DateTimeOffset Start => new(FirstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public DateTimeOffset End => Start.AddDays(Days);

    public IEnumerable<DateOnly> EachDay => Enumerable.Range(0, Days).Select(FirstDay.AddDays);

    public bool AllowsSessionAt(DateTimeOffset at) => at >= Start + Margin && at <= End - Margin;
}
