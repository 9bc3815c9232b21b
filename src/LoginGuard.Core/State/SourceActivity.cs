namespace LoginGuard.State;

/// <summary>Recent failed sign-ins from one address or one network, each with the learner it was aimed at.</summary>
internal sealed record SourceActivity(IReadOnlyList<FailedAttempt> Failures)
{
    public static SourceActivity Empty { get; } = new([]);

    public int FailuresSince(DateTimeOffset since) => Failures.Count(f => f.At >= since);

    public int DistinctLearnersSince(DateTimeOffset since) => Failures.Where(f => f.At >= since).Select(f => f.Key).Distinct().Count();
}
