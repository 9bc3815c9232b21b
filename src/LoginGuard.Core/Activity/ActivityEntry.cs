using System.Globalization;
using LoginGuard.Alerts;
using LoginGuard.Contracts;

namespace LoginGuard.Activity;

/// <summary>
/// One line of a learner's recent activity, as the learner reviews it: when, from what, from roughly where,
/// what happened and which mails it caused. The raw address and user agent are kept here, and only here, for
/// the activity window (<see cref="ActivityOptions.Retention"/>): a learner can only recognise a sign-in by them.
/// </summary>
/// <param name="AlertIds">The outbox ids of every mail the event owed, sent or held back, so erasure can find them.</param>
internal sealed record ActivityEntry(
    string EventId,
    string Type,
    DateTimeOffset OccurredAt,
    string Device,
    string? UserAgent,
    string Ip,
    string? City,
    string? Country,
    string RiskLevel,
    IReadOnlyList<string> Alerts,
    IReadOnlyList<string> AlertIds)
{
    /// <summary>An accepted event, once its decision is recorded: <paramref name="owed"/> are the alerts it was addressed.</summary>
    public static ActivityEntry Of(EnrichedEvent enriched, Decision decision, IReadOnlyList<Alert> owed) => new(
        enriched.Event.EventId,
        enriched.Event.Type.ToWireName(),
        enriched.Event.OccurredAt,
        enriched.Device.Description,
        enriched.Event.UserAgent,
        enriched.Event.Ip.ToString(),
        enriched.Geo.CityName,
        enriched.Geo.CountryName ?? enriched.Geo.CountryIso,
        decision.RiskLevel.ToWireName(),
        [.. decision.Alerts.Select(a => a.ToWireName())],
        [.. owed.Select(a => a.AlertId).Distinct(StringComparer.Ordinal)]);

    /// <summary>The sort order of a learner's activity: event time in unix milliseconds.</summary>
    public long Score => OccurredAt.ToUnixTimeMilliseconds();

    public string Place => (City, Country) switch
    {
        ({ } city, { } country) => string.Create(CultureInfo.InvariantCulture, $"{city}, {country}"),
        (null, { } country) => country,
        _ => "unknown",
    };
}
