using System.Net;
using LoginGuard.Alerts;
using LoginGuard.Enrichment;
using LoginGuard.Ingestion;
using Microsoft.Extensions.Options;
using MimeKit;

namespace LoginGuard.Core.Tests.Alerts;

internal static class AlertFixtures
{
    public const string LearnerEmail = "camille.martin@example.com";

    public const string SecurityUrl = "https://learnwell.example/account/security";

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
        string eventId = "evt-0001")
    {
        var authEvent = new AuthEvent(
            eventId,
            TypeOf(kind),
            TuesdayAfternoon,
            "user-42",
            IPAddress.Parse(ip),
            Email: email,
            DisplayName: displayName,
            Locale: locale);
        var enriched = new EnrichedEvent(authEvent, device ?? Chrome, geo ?? Lyon, new StateKeys("learner", "address", "as12322"));
        return LoginGuard.Alerts.Alert.For(enriched, kind, recipient ?? email ?? LearnerEmail);
    }

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
        AlertKind.NewDevice => AuthEventType.LoginSucceeded,
        AlertKind.PasswordChanged => AuthEventType.PasswordChanged,
        AlertKind.MfaDisabled => AuthEventType.MfaDisabled,
        _ => AuthEventType.EmailChanged,
    };
}
