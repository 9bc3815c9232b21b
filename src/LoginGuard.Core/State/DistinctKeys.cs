namespace LoginGuard.State;

/// <summary>
/// How many different learners (or addresses) a run of failures names. A sprayed address holds hundreds of
/// failures and several rules and features count them for every event, so the set is reused per thread
/// instead of allocated per count.
/// </summary>
internal static class DistinctKeys
{
    [ThreadStatic]
    private static HashSet<string>? scratch;

    public static int Count(IEnumerable<FailedAttempt> failures)
    {
        var seen = scratch ??= new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var failure in failures)
            {
                seen.Add(failure.Key);
            }

            return seen.Count;
        }
        finally
        {
            seen.Clear();
        }
    }
}
