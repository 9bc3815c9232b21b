using System.ComponentModel.DataAnnotations;

namespace LoginGuard.Activity;

/// <summary>How much of a learner's recent activity is kept for them to review (section <c>Activity</c>).</summary>
internal sealed class ActivityOptions
{
    public const string Section = "Activity";

    /// <summary>How long a sign-in or security event stays in the learner's activity, raw address and user agent included.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Most entries kept per learner; the oldest go first, so an attack cannot grow one learner's key without bound.</summary>
    [Range(10, 10_000)]
    public int MaxEntries { get; set; } = 200;
}
