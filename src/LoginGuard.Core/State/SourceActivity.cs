namespace LoginGuard.State;

/// <summary>Recent failed sign-ins from one address or one network, each with the learner it was aimed at.</summary>
internal sealed record SourceActivity(IReadOnlyList<FailedAttempt> Failures)
{
    public static SourceActivity Empty { get; } = new([]);

    public int FailuresSince(DateTimeOffset since) => Since(since).Count();

    public int DistinctLearnersSince(DateTimeOffset since) => DistinctKeys.Count(Since(since));

    /// <summary>Failures are kept newest first (<see cref="State.Failures.Add"/>), so the scan stops at the first older one.</summary>
    private IEnumerable<FailedAttempt> Since(DateTimeOffset since) => Failures.TakeWhile(f => f.At >= since);
}
