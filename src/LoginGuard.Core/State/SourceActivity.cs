namespace LoginGuard.State;

/// <summary>
/// Recent failed sign-ins from one address or one network, each with the learner it was aimed at, newest
/// first (<see cref="State.Failures.Add"/>). A sprayed address holds hundreds, and every event from it asks
/// several times how many failed, and against how many learners, within some window: a window is found by
/// binary search, and its learners are read off running counts built once per activity, only as far back as a
/// window has asked (an address's set holds a day for one rule's count of failures, and learners are asked of
/// the last hour).
/// </summary>
internal sealed class SourceActivity(IReadOnlyList<FailedAttempt> failures)
{
    private Counts? counts;

    public static SourceActivity Empty { get; } = new([]);

    public IReadOnlyList<FailedAttempt> Failures { get; } = failures;

    public int FailuresSince(DateTimeOffset since) => NewerThan(since, inclusive: true);

    public int DistinctLearnersSince(DateTimeOffset since)
    {
        var count = FailuresSince(since);
        return count == 0 ? 0 : Counted(count).LearnersUpTo[count - 1];
    }

    /// <summary>
    /// The failures in (<paramref name="after"/>, <paramref name="upTo"/>] other than <paramref name="eventId"/>,
    /// plus one aimed at <paramref name="added"/> when given, and the distinct learners among them all.
    /// </summary>
    public (int Failures, int Learners) Within(DateTimeOffset after, DateTimeOffset upTo, string eventId, string? added)
    {
        var start = NewerThan(upTo, inclusive: false);
        var end = NewerThan(after, inclusive: false);
        var extra = added is null ? 0 : 1;
        if (start > 0 || Holds(eventId, upTo, start, end))
        {
            // Late events (failures newer than this one were recorded first) or a redelivery: rare, so counted by a scan.
            var range = Enumerable.Range(start, end - start).Select(i => Failures[i]).Where(f => f.EventId != eventId);
            var all = added is null ? range : range.Append(new FailedAttempt(upTo, added, eventId));
            return (range.Count() + extra, DistinctKeys.Count(all));
        }

        if (end == 0)
        {
            return (extra, extra);
        }

        var counted = Counted(end);
        var addsLearner = added is not null && !(counted.NewestIndex(added) is { } newest && newest < end);
        return (end + extra, counted.LearnersUpTo[end - 1] + (addsLearner ? 1 : 0));
    }

    /// <summary>How many failures are newer than <paramref name="time"/> (or at it, when inclusive): the list is newest first.</summary>
    private int NewerThan(DateTimeOffset time, bool inclusive)
    {
        int newer = 0, older = Failures.Count;
        while (newer < older)
        {
            var middle = (newer + older) / 2;
            var at = Failures[middle].At;
            if (at > time || (inclusive && at == time))
            {
                newer = middle + 1;
            }
            else
            {
                older = middle;
            }
        }

        return newer;
    }

    /// <summary>Whether the event's own failure lies in [start, end); it can only sit among the failures at its own time.</summary>
    private bool Holds(string eventId, DateTimeOffset at, int start, int end)
    {
        for (var i = NewerThan(at, inclusive: false); i < end && Failures[i].At == at; i++)
        {
            if (i >= start && Failures[i].EventId == eventId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// This activity with <paramref name="failures"/>' first failure added as its newest and the oldest ones past
    /// <paramref name="failures"/>' count dropped: what <see cref="State.Failures.Add"/> makes of a failure newer than
    /// every other, which in a spray is nearly every failure. Counts already built carry over in one pass over
    /// integers instead of hashing every learner of the source again.
    /// </summary>
    public SourceActivity WithNewest(IReadOnlyList<FailedAttempt> failures)
    {
        var next = new SourceActivity(failures);

        // Learners whose failures were all dropped stay in the copied dictionary: once they outnumber the kept failures,
        // counting afresh (when asked) costs less than carrying them on.
        if (Volatile.Read(ref counts) is { } built && built.NewestOf.Count < 2 * (failures.Count + 1))
        {
            next.counts = built.WithNewest(failures[0].Key, failures.Count);
        }

        return next;
    }

    // Activities are shared between lanes by the in-process store. Two threads may build the counts at once;
    // both build a correct prefix, a longer one replaces a shorter one, and publishing through Interlocked makes
    // the arrays' contents visible to every reader, on weakly ordered processors too. A prefix asked to grow at
    // least doubles, so asking a little further each time costs no more than counting every failure once.
    private Counts Counted(int needed)
    {
        var built = Volatile.Read(ref counts);
        if (built is not null && built.LearnersUpTo.Length >= needed)
        {
            return built;
        }

        var length = Math.Min(Failures.Count, Math.Max(needed, 2 * (built?.LearnersUpTo.Length ?? 0)));
        var learnersUpTo = new int[length];
        var newestOf = new Dictionary<string, int>(length, StringComparer.Ordinal);
        for (var i = 0; i < length; i++)
        {
            newestOf.TryAdd(Failures[i].Key, Failures.Count - 1 - i);
            learnersUpTo[i] = newestOf.Count;
        }

        var fresh = new Counts(learnersUpTo, newestOf, 0, Failures.Count);
        while (true)
        {
            var seen = Volatile.Read(ref counts);
            if (seen is not null && seen.LearnersUpTo.Length >= length)
            {
                return seen;
            }

            if (Interlocked.CompareExchange(ref counts, fresh, seen) == seen)
            {
                return fresh;
            }
        }
    }

    /// <param name="LearnersUpTo">Distinct learners among the newest i + 1 failures, at index i, for the newest failures asked about.</param>
    /// <param name="NewestOf">
    /// Each learner's newest failure among those, as its place counted from the oldest failure plus <paramref name="Base"/>:
    /// adding a newest failure moves no other failure's place, and dropping the oldest only moves the base. A learner whose
    /// place falls below the base has no failure left.
    /// </param>
    /// <param name="Total">How many failures the activity holds, counted or not.</param>
    private sealed record Counts(int[] LearnersUpTo, Dictionary<string, int> NewestOf, int Base, int Total)
    {
        public int? NewestIndex(string learner) =>
            NewestOf.TryGetValue(learner, out var place) && place >= Base ? Total - 1 - (place - Base) : null;

        public Counts WithNewest(string learner, int count)
        {
            var dropped = Total + 1 - count;

            // A learner not among the counted failures is new to every counted prefix.
            var before = NewestIndex(learner) ?? LearnersUpTo.Length;
            var learnersUpTo = new int[Math.Min(LearnersUpTo.Length + 1, count)];
            learnersUpTo[0] = 1;
            for (var i = 0; i + 1 < learnersUpTo.Length; i++)
            {
                learnersUpTo[i + 1] = LearnersUpTo[i] + (i < before ? 1 : 0);
            }

            // Copying a dictionary of the same comparer reuses each entry's stored hash: no learner is hashed again.
            var newestOf = new Dictionary<string, int>(NewestOf, StringComparer.Ordinal) { [learner] = Base + Total };
            return new Counts(learnersUpTo, newestOf, Base + dropped, count);
        }
    }
}
