using System.ComponentModel.DataAnnotations;

namespace LoginGuard.State;

/// <summary>How much behavior LoginGuard keeps, and for how long (section <c>State</c>). Every key's TTL derives from these.</summary>
internal sealed class StateOptions
{
    public const string Section = "State";

    /// <summary>A device, address, network, country or place unused for this long is forgotten (and the learner's state with it).</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan HistoryLookback { get; set; } = TimeSpan.FromDays(180);

    /// <summary>
    /// Most devices remembered per learner, and most browser and app versions they ran; the least recently used is
    /// forgotten first. Okta keeps the last 20 sign-ins' context.
    /// </summary>
    [Range(1, 100)]
    public int MaxDevices { get; set; } = 10;

    [Range(1, 100)]
    public int MaxAddresses { get; set; } = 20;

    [Range(1, 100)]
    public int MaxNetworks { get; set; } = 10;

    [Range(1, 100)]
    public int MaxCountries { get; set; } = 10;

    [Range(1, 100)]
    public int MaxPlaces { get; set; } = 10;

    /// <summary>How long failed sign-ins are remembered; the longest failure-counting window must fit inside it.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan FailureMemory { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Most failures remembered per learner.</summary>
    [Range(1, 10_000)]
    public int MaxLearnerFailures { get; set; } = 100;

    /// <summary>Most failures remembered per address and per network: enough to see a spray without unbounded memory.</summary>
    [Range(1, 100_000)]
    public int MaxSourceFailures { get; set; } = 500;

    /// <summary>How late an event may arrive and still count in the windows it belongs to.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan AllowedLateness { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// In <c>run</c>, how far ahead of the worker's clock an event may be dated; a later one is dead-lettered as
    /// <c>out-of-window</c>, so a client with a fast clock cannot age a learner's devices or failures out of memory.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan AllowedSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// In <c>replay</c>, how far ahead of the replayed stream's present (the median of its last few events) an event
    /// may be dated: longer than the quiet spells of a replayed file (a weekend, a holiday), far shorter than the
    /// years of a broken clock.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan ReplayAllowedSkew { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a decision is kept to recognise a redelivered event by its eventId.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "90.00:00:00")]
    public TimeSpan DecisionRetention { get; set; } = TimeSpan.FromDays(7);
}
