using System.Net;
using LoginGuard.Alerts;
using LoginGuard.Alerts.Content;
using LoginGuard.Alerts.Delivery;
using LoginGuard.Contracts;
using Microsoft.Extensions.Options;
using MimeKit;

namespace LoginGuard.Core.Tests.Alerts;

internal static class AlertFixtures
{
    public const string LearnerEmail = "camille.martin@example.com";

    public const string SecurityUrl = "https://learnwell.example/account/security";

    /// <summary>A review link as the feedback tokens make it: the platform's "was this you?" page with a sealed token.</summary>
    public const string ReviewUrl = "https://learnwell.example/was-this-you/AQIDBAUGBwgJCgsMDQ4PEA";

    /// <summary>14:05 in Paris.</summary>
    public static readonly DateTimeOffset TuesdayAfternoon = new(2024, 12, 3, 13, 5, 0, TimeSpan.Zero);

    public static readonly GeoLocation Lyon = new(
        CountryIso: "FR",
        CountryName: "France",
        CityName: "Lyon",
        Latitude: 45.7578,
        Longitude: 4.8320,
        AccuracyRadiusKm: 20,
        TimeZone: "Europe/Paris");

    public static readonly DeviceFingerprint Chrome = new(
        "ab12", "cd34", new UserAgentInfo("Chrome", 131, "Windows", 10, DeviceType.Desktop), "Chrome 131 on Windows", false);

    public static IEnumerable<AlertKind> Kinds => Enum.GetValues<AlertKind>();

    public static IEnumerable<string> Locales => ["en", "es", "fr", "de", "pt-BR"];

    public static Alert Alert(
        AlertKind kind = AlertKind.NewDevice,
        string? displayName = "Camille Martin",
        string? locale = "en",
        GeoLocation? geo = null,
        string ip = "203.0.113.42",
        string? email = LearnerEmail,
        string? recipient = null,
        DeviceFingerprint? device = null,
        string eventId = "evt-0001",
        Incident? incident = null,
        DateTimeOffset? at = null,
        string? learnerZone = "Europe/Paris")
    {
        var authEvent = new AuthEvent(
            eventId,
            TypeOf(kind),
            at ?? TuesdayAfternoon,
            "user-42",
            IPAddress.Parse(ip),
            Email: email,
            DisplayName: displayName,
            Locale: locale);
        var enriched = new EnrichedEvent(authEvent, device ?? Chrome, geo ?? Lyon, new StateKeys("learner", "address", "as12322"));
        var alert = LoginGuard.Alerts.Alert.For(enriched, kind, recipient ?? email ?? LearnerEmail) with { LearnerTimeZone = learnerZone };
        return kind == AlertKind.SuspiciousActivity ? alert with { Incident = incident ?? Incident.StolenSession } : alert;
    }

    /// <summary>
    /// A summary of two held sign-ins of a learner who lives in Paris: an iPhone in London at 12:50 UTC, whose zone the
    /// history could not give, and Chrome in Lyon at 14:05 Paris time, at the learner's usual place.
    /// </summary>
    public static Alert Summary(string? locale = "en") => LoginGuard.Alerts.Alert.SummaryOf(
    [
        Alert(locale: locale, eventId: "evt-0002"),
        Alert(locale: locale, eventId: "evt-0001", at: TuesdayAfternoon.AddMinutes(-15), geo: London, ip: "198.51.100.7", device: Iphone, learnerZone: null),
    ],
    LoginGuard.Alerts.Alert.SummaryIdFor("learner", "evt-0002"));

    public static readonly GeoLocation London = new(CountryIso: "GB", CountryName: "United Kingdom", CityName: "London", TimeZone: "Europe/London");

    public static readonly DeviceFingerprint Iphone = new(
        "ef56", "gh78", new UserAgentInfo("Safari", 17, "iOS", 17, DeviceType.Mobile), "Safari on iPhone", false);

    /// <summary>Every mail LoginGuard writes: each kind, each suspicious-activity incident, and the new-device summary.</summary>
    public static IEnumerable<string> Shapes =>
        [.. Kinds.Where(k => k != AlertKind.SuspiciousActivity).Select(k => k.ToString()), .. Enum.GetValues<Incident>().Select(i => i.ToString()), "Summary"];

    public static Alert Shape(string shape, string? locale = "en", string? recipient = null) =>
        shape == "Summary" ? Summary(locale)
        : Enum.TryParse<Incident>(shape, out var incident) ? Alert(AlertKind.SuspiciousActivity, locale: locale, recipient: recipient, incident: incident)
        : Alert(Enum.Parse<AlertKind>(shape), locale: locale, recipient: recipient);

    public static AlertMessageBuilder Builder() => new(
        Options.Create(new AlertMailOptions()),
        Options.Create(new SmtpOptions { From = "Learnwell Security <security@learnwell.example>" }));

    public static MimeMessage Build(Alert alert) => Builder().Build(alert);

    /// <summary>Both parts of a mail, for assertions that must hold whichever part a client shows.</summary>
    public static string Everything(MimeMessage message) => $"{message.Subject}\n{message.TextBody}\n{message.HtmlBody}";

    public static MimeMessage RoundTrip(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        stream.Position = 0;
        return MimeMessage.Load(stream);
    }

    private static AuthEventType TypeOf(AlertKind kind) => kind switch
    {
        AlertKind.NewDevice or AlertKind.SuspiciousActivity => AuthEventType.LoginSucceeded,
        AlertKind.PasswordChanged => AuthEventType.PasswordChanged,
        AlertKind.MfaDisabled => AuthEventType.MfaDisabled,
        _ => AuthEventType.EmailChanged,
    };
}
