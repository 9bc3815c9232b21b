using System.Globalization;
using LoginGuard.Ingestion;

namespace LoginGuard.Pipeline;

/// <summary>The dead letters of <see cref="IEventTimeWindow"/>: what the engineer fixing the producer's clock needs.</summary>
internal static class EventTimeRejections
{
    public static Rejection Ahead(TimeSpan by, string present, string key, TimeSpan allowed) => new(
        RejectionReasons.OutOfWindow,
        $"occurredAt is {Describe(by)} ahead of {present}; {key} allows {Describe(allowed)}. Fix the producer's clock, or raise {key}.",
        "occurredAt");

    private static string Describe(TimeSpan span) => span.ToString(span.TotalDays >= 1 ? @"d\.hh\:mm\:ss" : @"hh\:mm\:ss", CultureInfo.InvariantCulture);
}
