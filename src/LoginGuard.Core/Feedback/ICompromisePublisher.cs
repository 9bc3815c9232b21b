namespace LoginGuard.Feedback;

/// <summary>
/// Tells the platform a learner reported a sign-in that was not them, so it signs them out everywhere and forces a
/// reset. Completes once the platform's topic has the report, however long that takes; throws when it was refused.
/// The report waits in Redis meanwhile (<see cref="CompromiseReportRelay"/>), so a caller that gives up loses nothing.
/// </summary>
internal interface ICompromisePublisher
{
    Task PublishAsync(CompromiseReport report, CancellationToken cancellationToken);
}
