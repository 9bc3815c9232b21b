using System.Net;

namespace LoginGuard.Contracts;

/// <summary>
/// An event as an alert mail tells it, and no more: when, what, the address cut to its network, the device and the
/// place in words, and whom to greet in which language. It keeps no user id, raw address, device id, user agent,
/// coordinates or state keys, so an alert can be queued, stored and mailed carrying only what the mail shows.
/// </summary>
/// <param name="Network">
/// The event's address; kept with every group the mail hides zeroed (<see cref="Masking.Network"/>), whatever is passed,
/// and <see cref="Masking.Ip"/> of it reads as of the full address.
/// </param>
/// <param name="Email">The account's address after the event (on an email change, the new one).</param>
/// <param name="Device">For people: "Chrome 131 on Windows".</param>
internal sealed record MailedEvent(
    string EventId,
    AuthEventType Type,
    DateTimeOffset OccurredAt,
    IPAddress Network,
    string? Email,
    string? DisplayName,
    string? Locale,
    string Device,
    MailedPlace Place)
{
    public IPAddress Network { get; } = Masking.Network(Network);

    public static MailedEvent From(EnrichedEvent enriched)
    {
        var e = enriched.Event;
        return new(e.EventId, e.Type, e.OccurredAt, e.Ip, e.Email, e.DisplayName, e.Locale, enriched.Device.Description, MailedPlace.From(enriched.Geo));
    }
}

/// <summary>Where an event came from, in the names a mail shows and the zone it may be told in; no codes state is keyed on, no coordinates.</summary>
internal sealed record MailedPlace(string? CountryIso, string? CountryName, string? CityName, string? TimeZone)
{
    public static MailedPlace From(GeoLocation geo) => new(geo.CountryIso, geo.CountryName, geo.CityName, geo.TimeZone);
}
