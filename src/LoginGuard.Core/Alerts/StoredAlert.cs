using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using LoginGuard.Contracts;

namespace LoginGuard.Alerts;

/// <summary>
/// An alert as the Redis outbox keeps it: only what the mail shows (the address already cut to its network, no
/// user id, no user agent, no coordinates), so the queue holds no more personal data than the mail itself.
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
        var e = alert.Source.Event;
        var geo = alert.Source.Geo;
        var stored = new StoredAlert(
            alert.AlertId, alert.Kind, e.EventId, e.Type, e.OccurredAt, Masking.Network(e.Ip).ToString(), alert.Recipient,
            e.Email, e.DisplayName, e.Locale, alert.Source.Device.Description, geo.CountryIso, geo.CountryName, geo.CityName, geo.TimeZone, alert.ReviewUrl, alert.Incident, alert.LearnerTimeZone);
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
        var authEvent = new AuthEvent(s.EventId, s.Type, s.OccurredAt, UserId: "", IPAddress.Parse(s.Network), Email: s.Email, DisplayName: s.DisplayName, Locale: s.Locale);
        var device = new DeviceFingerprint("", "", UserAgentInfo.Unknown, s.Device, FromDeviceId: false);
        var geo = new GeoLocation(CountryIso: s.CountryIso, CountryName: s.CountryName, CityName: s.CityName, TimeZone: s.TimeZone);
        // A mail needs no state keys; the outbox keeps none, so nothing can link it back to state.
        var keys = new StateKeys("", "", "");
        return new Alert(s.AlertId, s.Kind, new EnrichedEvent(authEvent, device, geo, keys), s.Recipient) { ReviewUrl = s.ReviewUrl, Incident = s.Incident, LearnerTimeZone = s.LearnerTimeZone };
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(StoredAlert))]
[JsonSerializable(typeof(List<StoredAlert>))]
internal sealed partial class StoredAlertJsonContext : JsonSerializerContext;
