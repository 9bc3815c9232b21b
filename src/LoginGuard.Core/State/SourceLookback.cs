namespace LoginGuard.State;

/// <summary>
/// How far before an event its address's and network's failures are read: the longest window any rule or
/// the model looks back over. Failures further back are still kept, for a rule retuned to look further,
/// but a botnet's address or a large ISP's network holds hundreds, and reading them all for every batch
/// was the worker's largest single cost.
/// </summary>
internal sealed record SourceLookback(TimeSpan Address, TimeSpan Network)
{
    public static SourceLookback Everything { get; } = new(TimeSpan.MaxValue, TimeSpan.MaxValue);

    public static DateTimeOffset From(DateTimeOffset earliest, TimeSpan lookback) =>
        lookback >= earliest - DateTimeOffset.MinValue ? DateTimeOffset.MinValue : earliest - lookback;
}
