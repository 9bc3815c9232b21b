using System.ComponentModel.DataAnnotations;

namespace LoginGuard.State;

/// <summary>How much behaviour LoginGuard keeps per learner, and for how long (section <c>State</c>).</summary>
internal sealed class StateOptions
{
    public const string Section = "State";

    /// <summary>Most devices remembered per learner; the least recently used is forgotten first.</summary>
    [Range(1, 100)]
    public int MaxDevices { get; set; } = 10;

    /// <summary>A device not used for this long is forgotten and counts as new again.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan DeviceLookback { get; set; } = TimeSpan.FromDays(180);

    /// <summary>How long a decision is kept to recognise a redelivered event by its eventId.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "90.00:00:00")]
    public TimeSpan DecisionRetention { get; set; } = TimeSpan.FromDays(7);
}
