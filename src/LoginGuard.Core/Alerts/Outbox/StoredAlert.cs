using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using LoginGuard.Contracts;

namespace LoginGuard.Alerts.Outbox;

/// <summary>
/// An alert as the Redis outbox keeps it: only what the mail shows (the address already cut to its network, no
/// user id, no user agent, no coordinates), so the queue holds no more personal data than the mail itself. That is
/// exactly a <see cref="MailedEvent"/>, so it maps both ways with nothing left out or made up; the JSON shape is the one
/// earlier versions wrote, so alerts they queued are still read and mailed the same.
/// </summary>
internal sealed record StoredAlert(
    string AlertId,
    AlertKind Kind,
    string EventId,
    AuthEventType Type,
    DateTimeOffset OccurredAt,
    string Network,
    string Recipient,
    string? Email,
    string? DisplayName,
    string? Locale,
    string Device,
    string? CountryIso,
    string? CountryName,
    string? CityName,
    string? TimeZone,
    string? ReviewUrl = null,
    Incident? Incident = null,
    string? LearnerTimeZone = null)
{
    public static string Serialize(Alert alert)
    {
        var e = alert.Event;
        var stored = new StoredAlert(
            alert.AlertId, alert.Kind, e.EventId, e.Type, e.OccurredAt, e.Network.ToString(), alert.Recipient,
            e.Email, e.DisplayName, e.Locale, e.Device, e.Place.CountryIso, e.Place.CountryName, e.Place.CityName, e.Place.TimeZone, alert.ReviewUrl, alert.Incident, alert.LearnerTimeZone);
        return JsonSerializer.Serialize(stored, StoredAlertJsonContext.Default.StoredAlert);
    }

    public static Alert Deserialize(string json) => ToAlert(
        JsonSerializer.Deserialize(json, StoredAlertJsonContext.Default.StoredAlert) ?? throw new JsonException("A stored alert was the JSON literal null."));

    /// <param name="json">A JSON array of the held sign-ins' stored alerts, in the order they were held.</param>
    /// <param name="summaryId">The id the summary is filed under: the stored alerts keep no learner key to derive it from.</param>
    public static Alert DeserializeSummary(string json, string summaryId)
    {
        var held = JsonSerializer.Deserialize(json, StoredAlertJsonContext.Default.ListStoredAlert);
        return held is { Count: > 0 }
            ? Alert.SummaryOf([.. held.Select(ToAlert)], summaryId)
            : throw new JsonException("A stored summary named no sign-in.");
    }

    private static Alert ToAlert(StoredAlert s)
    {
        var told = new MailedEvent(
            s.EventId, s.Type, s.OccurredAt, IPAddress.Parse(s.Network), s.Email, s.DisplayName, s.Locale, s.Device,
            new MailedPlace(s.CountryIso, s.CountryName, s.CityName, s.TimeZone));
        return new Alert(s.AlertId, s.Kind, told, s.Recipient) { ReviewUrl = s.ReviewUrl, Incident = s.Incident, LearnerTimeZone = s.LearnerTimeZone };
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(StoredAlert))]
[JsonSerializable(typeof(List<StoredAlert>))]
internal sealed partial class StoredAlertJsonContext : JsonSerializerContext;
