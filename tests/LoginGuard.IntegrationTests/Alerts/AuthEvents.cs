namespace LoginGuard.IntegrationTests.Alerts;

/// <summary>Auth events as platform services publish them, for one learner.</summary>
internal static class AuthEvents
{
    public const string Laptop = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";
    public const string Phone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    public static string Of(
        string id, string type, string at, string user = "ana", string userAgent = Laptop, string locale = "en", string? email = null, string? previousEmail = null)
    {
        var previous = previousEmail is null ? "" : $",\"previousEmail\":\"{previousEmail}\"";
        return $$"""{"eventId":"{{id}}","type":"{{type}}","occurredAt":"{{at}}","userId":"{{user}}","ip":"81.57.10.20","userAgent":"{{userAgent}}","email":"{{email ?? user + "@example.org"}}","displayName":"Ana Lima","locale":"{{locale}}"{{previous}}}""";
    }

    public static string PasswordChanged(string id, string user = "ana", string at = "2026-10-03T08:05:00Z", string? email = null) =>
        Of(id, "password.changed", at, user, email: email);
}
