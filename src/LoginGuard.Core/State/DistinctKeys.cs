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
}
