using System.Security.Cryptography;
using MimeKit;

namespace LoginGuard.Alerts.Delivery;

/// <summary>Checks <c>Smtp:Dkim</c>: all three keys or none, a key that loads, and a domain that aligns with the sender.</summary>
internal static class DkimOptionsValidator
{
    private const string Section = SmtpOptions.SectionName + ":Dkim";

    public static void Validate(SmtpOptions options, List<string> errors)
    {
        var dkim = options.Dkim;
        if (!dkim.IsConfigured)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(dkim.Domain) || Uri.CheckHostName(dkim.Domain) != UriHostNameType.Dns || !dkim.Domain.Contains('.', StringComparison.Ordinal))
        {
            errors.Add($"{Section}:Domain must be the domain mail is signed for, such as \"learnwell.example\" (was {ConfigText.Quote(dkim.Domain)}); or leave Domain, Selector and PrivateKeyPath all empty to send unsigned.");
        }
        else if (MailboxAddress.TryParse(options.From, out var from) && !Aligned(from.Domain, dkim.Domain))
        {
            errors.Add($"{Section}:Domain ({ConfigText.Quote(dkim.Domain)}) must be the domain of {SmtpOptions.SectionName}:From ({ConfigText.Quote(from.Domain)}) or a parent of it, or DMARC will not count the signature.");
        }

        if (string.IsNullOrWhiteSpace(dkim.Selector) || Uri.CheckHostName(dkim.Selector) != UriHostNameType.Dns)
        {
            errors.Add($"{Section}:Selector must be a DNS label such as \"loginguard2026\" (was {ConfigText.Quote(dkim.Selector)}); the public key is looked up at <Selector>._domainkey.<Domain>.");
        }

        ValidateKey(dkim.PrivateKeyPath, errors);
    }

    private static bool Aligned(string fromDomain, string signingDomain) =>
        fromDomain.Equals(signingDomain, StringComparison.OrdinalIgnoreCase)
        || fromDomain.EndsWith("." + signingDomain, StringComparison.OrdinalIgnoreCase);

    private static void ValidateKey(string? path, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(path) || !Path.IsPathFullyQualified(path))
        {
            errors.Add($"{Section}:PrivateKeyPath must be the absolute path of a PEM RSA private key, such as \"/run/secrets/dkim.pem\" (was {ConfigText.Quote(path)}).");
            return;
        }

        if (!File.Exists(path))
        {
            errors.Add($"{Section}:PrivateKeyPath {ConfigText.Quote(path)} does not exist or cannot be read; create it with \"openssl genrsa -out dkim.pem 2048\".");
            return;
        }

        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(File.ReadAllText(path));
            if (rsa.KeySize < 1024)
            {
                errors.Add($"{Section}:PrivateKeyPath {ConfigText.Quote(path)} holds a {rsa.KeySize}-bit key; receivers ignore DKIM keys under 1024 bits, use 2048.");
            }
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException or IOException or UnauthorizedAccessException)
        {
            errors.Add($"{Section}:PrivateKeyPath {ConfigText.Quote(path)} is not a PEM RSA private key (\"-----BEGIN RSA PRIVATE KEY-----\" or \"-----BEGIN PRIVATE KEY-----\").");
        }
    }
}
