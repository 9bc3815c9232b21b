using LoginGuard.Activity;

namespace LoginGuard.IntegrationTests.Activity;

internal static class ActivityLogs
{
    /// <summary>One entry, as a batch of one: what most of these specifications record.</summary>
    public static Task RecordAsync(this IActivityLog log, string learner, ActivityEntry entry, CancellationToken cancellationToken) =>
        log.RecordAsync([(learner, entry)], cancellationToken);
}
