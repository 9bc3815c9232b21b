namespace LoginGuard.Feedback;

/// <summary>
/// Tells the platform a learner reported a sign-in that was not them, so it signs them out everywhere and forces a
/// reset. Completes once the platform will act on it; throws when that cannot be confirmed in time.
/// </summary>
internal interface ICompromisePublisher
{
    Task PublishAsync(FeedbackClaim claim, CancellationToken cancellationToken);
}
