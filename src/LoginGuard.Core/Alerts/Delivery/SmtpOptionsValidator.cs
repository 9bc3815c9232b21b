using System.Net;
using Microsoft.Extensions.Options;
using MimeKit;

namespace LoginGuard.Alerts.Delivery;

/// <summary>
/// Checks the <c>Smtp</c> section at start-up. Hand-written rather than data annotations so each message
/// can name the configuration key, quote the value and say what to write instead; every error is reported at once.
/// </summary>
internal sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    private const string Section = SmtpOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        var errors = new List<string>();
        ValidateFrom(options.From, errors);
        ValidateDestination(options, errors);
        if (options.Port is < 1 or > 65535)
        {
            errors.Add($"{Section}:Port must be between 1 and 65535 (was {options.Port}); use 587 with StartTls or 465 with SslOnConnect.");
        }

        if (!Enum.IsDefined(options.Security))
        {
            errors.Add($"{Section}:Security must be None, StartTls or SslOnConnect (was {(int)options.Security}).");
        }

        ValidateCredentials(options, errors);
        if (options.Timeout <= TimeSpan.Zero)
        {
            errors.Add($"{Section}:Timeout must be a positive duration such as \"00:00:30\" (was {options.Timeout}).");
        }

        DkimOptionsValidator.Validate(options, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateFrom(string? from, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(from)
            || !MailboxAddress.TryParse(from, out var mailbox)
            || mailbox.Address.IndexOf('@', StringComparison.Ordinal) is < 1
            || mailbox.Address.EndsWith('@'))
        {
            errors.Add($"{Section}:From must be a mailbox such as \"Learnwell Security <security@learnwell.example>\" (was {ConfigText.Quote(from)}).");
        }
    }

    private static void ValidateDestination(SmtpOptions options, List<string> errors)
    {
        var hasHost = !string.IsNullOrWhiteSpace(options.Host);
        var hasPickup = !string.IsNullOrWhiteSpace(options.PickupDirectory);
        if (hasHost == hasPickup)
        {
            errors.Add(hasHost
                ? $"{Section}:Host ({ConfigText.Quote(options.Host)}) and {Section}:PickupDirectory ({ConfigText.Quote(options.PickupDirectory)}) are both set; keep only the one mail should go to."
                : $"{Section}:Host and {Section}:PickupDirectory are both empty; set Host to send through a server, or PickupDirectory to write .eml files.");
        }

        if (hasHost && Uri.CheckHostName(options.Host) == UriHostNameType.Unknown)
        {
            errors.Add($"{Section}:Host must be a host name or IP address such as \"smtp.learnwell.example\" (was {ConfigText.Quote(options.Host)}).");
        }

        if (hasPickup && !Path.IsPathFullyQualified(options.PickupDirectory!))
        {
            errors.Add($"{Section}:PickupDirectory must be an absolute path such as \"/var/spool/loginguard\" (was {ConfigText.Quote(options.PickupDirectory)}); a relative one depends on where the worker was started.");
        }
    }

    private static void ValidateCredentials(SmtpOptions options, List<string> errors)
    {
        var hasUser = !string.IsNullOrEmpty(options.Username);
        var hasPassword = !string.IsNullOrEmpty(options.Password);
        if (hasUser != hasPassword)
        {
            errors.Add(hasUser
                ? $"{Section}:Username is set ({ConfigText.Quote(options.Username)}) but {Section}:Password is empty; set both, or neither for an unauthenticated relay."
                : $"{Section}:Password is set but {Section}:Username is empty; set both, or neither for an unauthenticated relay.");
        }

        if (hasPassword && !string.IsNullOrWhiteSpace(options.Host) && options.Security == SmtpSecurity.None && !IsLoopback(options.Host))
        {
            errors.Add($"{Section}:Security is None while {Section}:Password is set for {ConfigText.Quote(options.Host)}: the password would cross the network in clear; set Security to StartTls or SslOnConnect.");
        }
    }

    private static bool IsLoopback(string? host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
