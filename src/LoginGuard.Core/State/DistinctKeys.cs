namespace LoginGuard.State;

/// <summary>
/// How many different learners (or addresses) a run of failures names. A sprayed address holds hundreds of
/// failures and several rules and features count them for every event, so the set is reused per thread
/// instead of allocated per count.
/// </summary>
internal static class DistinctKeys
{
    [ThreadStatic]
    private static HashSet<HashedKey>? scratch;

    public static int Count(IEnumerable<FailedAttempt> failures)
    {
        var seen = scratch ??= [];
        try
        {
            foreach (var failure in failures)
            {
                seen.Add(failure.Hashed);
            }

            return seen.Count;
        }
        finally
        {
            seen.Clear();
        }
    }

    /// <summary>
    /// The distinct keys of the failures at [<paramref name="start"/>, <paramref name="end"/>) other than the event's own
    /// (<paramref name="eventId"/> at <paramref name="at"/>, when given), plus <paramref name="added"/> when given. Most
    /// failures of a spray land behind the newest and have their windows counted this way; an eventId is compared only at
    /// the event's time, so the others' eventId strings, far apart in memory, are not read.
    /// </summary>
    public static int Count(IReadOnlyList<FailedAttempt> failures, int start, int end, string? eventId, DateTimeOffset at, string? added)
    {
        var seen = scratch ??= [];
        try
        {
            for (var i = start; i < end; i++)
            {
                var failure = failures[i];
                if (eventId is null || failure.At != at || failure.EventId != eventId)
                {
                    seen.Add(failure.Hashed);
                }
            }

            if (added is not null)
            {
                seen.Add(new HashedKey(added));
            }

            return seen.Count;
        }
        finally
        {
            seen.Clear();
        }
    }
}
