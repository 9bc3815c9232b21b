using Microsoft.Extensions.Options;

namespace LoginGuard.Alerts.Content;

/// <summary>Checks the <c>Alerts</c> section at start-up, reporting every error at once.</summary>
internal sealed class AlertMailOptionsValidator : IValidateOptions<AlertMailOptions>
{
    private const string Section = AlertMailOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, AlertMailOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ProductName) || options.ProductName.Any(char.IsControl))
        {
            errors.Add($"{Section}:ProductName must be the name learners know, such as \"Learnwell\", without control characters (was {ConfigText.Quote(options.ProductName)}).");
        }

        ValidateUrl(options.AccountSecurityUrl, errors);
        if (string.IsNullOrWhiteSpace(options.MessageIdDomain) || Uri.CheckHostName(options.MessageIdDomain) != UriHostNameType.Dns)
        {
            errors.Add($"{Section}:MessageIdDomain must be a domain name such as \"loginguard.learnwell.example\" (was {ConfigText.Quote(options.MessageIdDomain)}).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    // Learners are taught to read a link before trusting it, so it must read plainly: https, no
    // "user@" part that hides the real host, and nothing appended that looks like tracking.
    private static void ValidateUrl(string? url, List<string> errors)
    {
        var problem = !Uri.TryCreate(url, UriKind.Absolute, out var uri) ? "must be an absolute address"
            : uri.Scheme != Uri.UriSchemeHttps ? "must use https"
            : uri.UserInfo.Length > 0 ? "must not carry a user name before the host"
            : uri.Query.Length > 0 || uri.Fragment.Length > 0 ? "must not have a query or fragment"
            : null;
        if (problem is not null)
        {
            errors.Add($"{Section}:AccountSecurityUrl {problem}, such as \"https://learnwell.example/account/security\" (was {ConfigText.Quote(url)}).");
        }
    }
}
