using LoginGuard.Contracts;
using MimeKit;

namespace LoginGuard.Alerts;

/// <summary>Who an alert can go to. A mail that cannot be addressed is reported, never guessed at.</summary>
internal static class Recipients
{
    public const string Missing = "no-recipient";
    public const string Invalid = "invalid-recipient";

    private static readonly ParserOptions Strict = new() { AllowAddressesWithoutDomain = false, AddressParserComplianceMode = RfcComplianceMode.Strict };

    /// <summary>
    /// The account's address, and on an email change also the address it had before: whoever changed it
    /// could read the new mailbox, so only the old one reaches the learner if the change was not theirs.
    /// </summary>
    public static IEnumerable<string?> For(AuthEvent authEvent, AlertKind kind)
    {
        yield return authEvent.Email;
        if (kind == AlertKind.EmailChanged
            && !string.IsNullOrWhiteSpace(authEvent.PreviousEmail)
            && !string.Equals(authEvent.PreviousEmail.Trim(), authEvent.Email?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            yield return authEvent.PreviousEmail;
        }
    }

    public static string? Problem(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return Missing;
        }

        var valid = MailboxAddress.TryParse(Strict, address, out var mailbox)
            && mailbox.Address == address.Trim()
            && mailbox.Address.Contains('@', StringComparison.Ordinal);
        return valid ? null : Invalid;
    }
}
