using System.ComponentModel.DataAnnotations;

namespace LoginGuard.LearnerRecords;

/// <summary>How the erasures a deleted account leaves are worked off in Redis (section <c>Erasure</c>).</summary>
internal sealed class ErasureOptions
{
    public const string Section = "Erasure";

    /// <summary>How often the worker looks for erasures when it was not told of one: one queued by another worker, or due again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a failed erasure waits before it is tried again; it is tried until it is done.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long an erasure a worker took stays its own: a worker that dies leaves it to another after this. Longer than
    /// one erasure takes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Erasures taken at a time, and done side by side.</summary>
    [Range(1, 100)]
    public int BatchSize { get; set; } = 10;
}
