using LoginGuard.Activity;

namespace LoginGuard.Worker.Api;

/// <summary>One page of a learner's activity, newest first, as the platform shows it to them.</summary>
internal sealed record ActivityPage(string UserId, int RetentionDays, IReadOnlyList<ActivityView> Entries);

/// <summary>One sign-in or security event: when, on what, from roughly where, what came of it and which mails it sent.</summary>
internal sealed record ActivityView(
    string EventId, string Type, DateTimeOffset OccurredAt, string Device, string Place, string Ip, string? UserAgent, string RiskLevel, IReadOnlyList<string> Alerts)
{
    public static ActivityView Of(ActivityEntry entry) => new(
        entry.EventId, entry.Type, entry.OccurredAt, entry.Device, entry.Place, entry.Ip, entry.UserAgent, entry.RiskLevel, entry.Alerts);
}
