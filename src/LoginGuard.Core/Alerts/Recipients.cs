using MimeKit;

namespace LoginGuard.Alerts;

/// <summary>Who an alert can go to. A mail that cannot be addressed is reported, never guessed at.</summary>
internal static class Recipients
{
    public const string Missing = "no-recipient";
    public const string Invalid = "invalid-recipient";

    private static readonly ParserOptions Strict = new() { AllowAddressesWithoutDomain = false, AddressParserComplianceMode = RfcComplianceMode.Strict };

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
