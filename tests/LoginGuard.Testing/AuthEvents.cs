using System.Globalization;

namespace LoginGuard.Testing;

/// <summary>Auth events as platform services publish them: one JSON line per event, with what a test leaves out filled in.</summary>
internal static class AuthEvents
{
    public const string Laptop = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";
    public const string Phone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    /// <param name="displayName">Left out of the event when null, as a platform may.</param>
    /// <param name="locale">Left out of the event when null.</param>
    /// <param name="extra">Further fields, as JSON starting with a comma.</param>
    public static string Of(
        string id,
        string type,
        string at,
        string user = "ana",
        string userAgent = Laptop,
        string? locale = "en",
        string? email = null,
        string? previousEmail = null,
        string ip = "81.57.10.20",
        string? displayName = "Ana Lima",
        string extra = "")
    {
        var name = displayName is null ? "" : $",\"displayName\":\"{displayName}\"";
        var language = locale is null ? "" : $",\"locale\":\"{locale}\"";
        var previous = previousEmail is null ? "" : $",\"previousEmail\":\"{previousEmail}\"";
        return $$"""{"eventId":"{{id}}","type":"{{type}}","occurredAt":"{{at}}","userId":"{{user}}","ip":"{{ip}}","userAgent":"{{userAgent}}","email":"{{email ?? user + "@example.org"}}"{{name}}{{language}}{{previous}}{{extra}}}""";
    }

    public static string PasswordChanged(string id, string user = "ana", string at = "2026-10-03T08:05:00Z", string? email = null) =>
        Of(id, "password.changed", at, user, email: email);

    /// <summary>An event time so many hours before now, for tests that run against the wall clock.</summary>
    public static string HoursAgo(int hours) =>
        DateTimeOffset.UtcNow.AddHours(-hours).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
