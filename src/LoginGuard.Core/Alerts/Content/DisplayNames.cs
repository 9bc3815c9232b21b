using System.Text.RegularExpressions;

namespace LoginGuard.Alerts.Content;

/// <summary>
/// The learner's display name as a mail may greet them with. The name is whatever the account holder (or whoever
/// took the account over) typed, and LoginGuard's security mail is DKIM-signed and trusted: a name that reads as
/// a link, a mail address or a phone number ("Call +1-800…, visit evil.example") would lend that trust to an
/// attacker's call to action. Such a name is left out, and the mail greets without one.
/// </summary>
internal static partial class DisplayNames
{
    /// <summary>Enough digits to dial: a phone number, not "Camille 2" or a year.</summary>
    private const int PhoneDigits = 7;

    /// <returns>The cleaned name, or "" when it is empty or carries something a reader could follow or call.</returns>
    public static string ForMail(string? displayName)
    {
        var name = SafeText.Clean(displayName);
        return LooksLikeALink().IsMatch(name) || name.Contains('@', StringComparison.Ordinal) || LooksLikeAPhoneNumber(name) ? "" : name;
    }

    private static bool LooksLikeAPhoneNumber(string name) =>
        DialledRun().Matches(name).Any(run => run.Value.Count(char.IsAsciiDigit) >= PhoneDigits);

    // A scheme, a www., or a dotted host name ending in letters (evil.example, evil-help.com); "J. R. R." has a
    // space after each dot and is no host.
    [GeneratedRegex(@"[a-z][a-z0-9+.-]*://|www\.|[\p{L}\p{N}-]+\.[\p{L}]{2,}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LooksLikeALink();

    // Digits with what people put between them when they write a number to call.
    [GeneratedRegex(@"\+?[\d(][\d\s().\-/]*\d", RegexOptions.CultureInvariant)]
    private static partial Regex DialledRun();
}
