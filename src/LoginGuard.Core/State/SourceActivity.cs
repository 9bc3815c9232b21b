namespace LoginGuard.State;

/// <summary>
/// Recent failed sign-ins from one address or one network, each with the learner it was aimed at, newest
/// first (<see cref="State.Failures.Add"/>). A sprayed address holds hundreds, and every event from it asks
/// several times how many failed, and against how many learners, within some window: a window is found by
/// binary search, and its learners are counted from where each failure's learner failed before
/// (<see cref="LearnerIndex"/>), which lists grown from one another share, so a new failure indexes only itself.
/// </summary>
internal sealed class SourceActivity(IReadOnlyList<FailedAttempt> failures)
{
    public static SourceActivity Empty { get; } = new([]);

    public IReadOnlyList<FailedAttempt> Failures { get; } = failures;

    public int FailuresSince(DateTimeOffset since) => NewerThan(since, inclusive: true);

    public int DistinctLearnersSince(DateTimeOffset since)
    {
        var count = FailuresSince(since);
        if (count == 0)
        {
            return 0;
        }

        if (Failures is not FailureList list)
        {
            return DistinctKeys.Count(Failures, 0, count, eventId: null, at: default, added: null);
        }

        var (learners, last) = list.Positions;
        return learners.Distinct(last - count, last);
    }

    /// <summary>Whether one of the failures is the event's, which occurred <paramref name="at"/>.</summary>
    public bool Holds(string eventId, DateTimeOffset at) => State.Failures.Holds(Failures, eventId, at);

    /// <summary>
    /// How many failures lie in (<paramref name="after"/>, <paramref name="upTo"/>] other than <paramref name="eventId"/>,
    /// plus the event's own when it is one (<paramref name="adding"/>).
    /// </summary>
    public int FailuresWithin(DateTimeOffset after, DateTimeOffset upTo, string eventId, bool adding)
    {
        var (start, end) = (NewerThan(upTo, inclusive: false), NewerThan(after, inclusive: false));
        var others = end - start - (State.Failures.HoldsFrom(Failures, eventId, upTo, start, end) ? 1 : 0);
        return others + (adding ? 1 : 0);
    }

    /// <summary>
    /// The distinct learners among the failures in (<paramref name="after"/>, <paramref name="upTo"/>] other than
    /// <paramref name="eventId"/>, plus <paramref name="added"/> when given (the learner the event itself failed for).
    /// </summary>
    public int LearnersWithin(DateTimeOffset after, DateTimeOffset upTo, string eventId, string? added)
    {
        var (start, end) = (NewerThan(upTo, inclusive: false), NewerThan(after, inclusive: false));
        if (start > 0 || Failures is not FailureList list || State.Failures.HoldsFrom(Failures, eventId, upTo, start, end))
        {
            // Late events (failures newer than this one were recorded first), a redelivery, or a list that shares no index
            // (one a failure was placed inside of): counted by a scan.
            return DistinctKeys.Count(Failures, start, end, eventId, upTo, added);
        }

        if (end == 0)
        {
            return added is null ? 0 : 1;
        }

        var (learners, last) = list.Positions;
        var addsLearner = added is not null && !learners.Failed(new HashedKey(added), last - end, last);
        return learners.Distinct(last - end, last) + (addsLearner ? 1 : 0);
    }

    private int NewerThan(DateTimeOffset time, bool inclusive) => State.Failures.NewerThan(Failures, time, inclusive);
}
