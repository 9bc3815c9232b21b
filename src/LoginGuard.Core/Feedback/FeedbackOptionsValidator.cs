using LoginGuard.Privacy;
using Microsoft.Extensions.Options;

namespace LoginGuard.Feedback;

/// <summary>Checks the <c>Feedback</c> section at start-up, every problem at once; never quotes the key.</summary>
internal sealed class FeedbackOptionsValidator : IValidateOptions<FeedbackOptions>
{
    private const string Section = FeedbackOptions.Section;

    public ValidateOptionsResult Validate(string? name, FeedbackOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrEmpty(options.TokenKey) != string.IsNullOrEmpty(options.ReviewUrl))
        {
            errors.Add($"{Section}: set both TokenKey and ReviewUrl, or neither (feedback off).");
        }

        if (!string.IsNullOrEmpty(options.TokenKey) && DecodedLength(options.TokenKey) != FeedbackOptions.KeyBytes)
        {
            errors.Add($"{Section}:TokenKey: must be base64 of exactly {FeedbackOptions.KeyBytes} bytes. Generate one with `openssl rand -base64 32`.");
        }

        if (!KeyIds.IsValid(options.TokenKeyId))
        {
            errors.Add($"{Section}:TokenKeyId: {KeyIds.Rule} (was \"{options.TokenKeyId}\").");
        }

        foreach (var (id, key) in options.PreviousTokenKeys)
        {
            if (!KeyIds.IsValid(id) || id == options.TokenKeyId)
            {
                errors.Add($"{Section}:PreviousTokenKeys:{id}: the id {KeyIds.Rule}, and differs from TokenKeyId.");
            }

            if (DecodedLength(key) != FeedbackOptions.KeyBytes)
            {
                errors.Add($"{Section}:PreviousTokenKeys:{id}: must be base64 of exactly {FeedbackOptions.KeyBytes} bytes, as it was when it sealed tokens.");
            }
        }

        if (!string.IsNullOrEmpty(options.ReviewUrl)
            && (!Uri.TryCreate(options.ReviewUrl, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps || url.UserInfo.Length > 0 || url.Query.Length > 0 || url.Fragment.Length > 0))
        {
            errors.Add($"{Section}:ReviewUrl: must be a plain https address without user name, query or fragment, such as \"https://learnwell.example/account/security/review\" (was \"{options.ReviewUrl}\").");
        }

        if (options.TokenLifetime < TimeSpan.FromHours(1) || options.TokenLifetime > TimeSpan.FromDays(30))
        {
            errors.Add($"{Section}:TokenLifetime: must be between 01:00:00 and 30.00:00:00 (was {options.TokenLifetime}).");
        }

        if (options.LabelRetention < TimeSpan.FromDays(1))
        {
            errors.Add($"{Section}:LabelRetention: must be at least 1.00:00:00 (was {options.LabelRetention}).");
        }

        if (options.MaxLabels < 1)
        {
            errors.Add($"{Section}:MaxLabels: must be at least 1 (was {options.MaxLabels}).");
        }

        ValidateReports(options, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateReports(FeedbackOptions options, List<string> errors)
    {
        const string Reports = $"{Section}:{nameof(FeedbackOptions.Reports)}";
        var reports = options.Reports;
        if (reports.Retention < TimeSpan.FromDays(1) || reports.Retention > options.LabelRetention)
        {
            errors.Add($"{Reports}:Retention: must be at least 1.00:00:00 and at most {Section}:LabelRetention ({options.LabelRetention}), which keeps the index erasure finds reports by (was {reports.Retention}).");
        }

        foreach (var (name, value) in new[] { ("PollInterval", reports.PollInterval), ("Lease", reports.Lease), ("RetryBaseDelay", reports.RetryBaseDelay), ("RetryMaxDelay", reports.RetryMaxDelay) })
        {
            if (value <= TimeSpan.Zero)
            {
                errors.Add($"{Reports}:{name}: must be positive (was {value}).");
            }
        }

        if (reports.Lease <= reports.PollInterval * 3)
        {
            errors.Add($"{Reports}:Lease: must be more than three PollIntervals ({reports.PollInterval * 3}), so a worker renews its lease before it runs out (was {reports.Lease}).");
        }

        if (reports.RetryMaxDelay < reports.RetryBaseDelay)
        {
            errors.Add($"{Reports}:RetryMaxDelay: must be at least RetryBaseDelay ({reports.RetryBaseDelay}) (was {reports.RetryMaxDelay}).");
        }
    }

    private static int DecodedLength(string base64)
    {
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var length) ? length : -1;
    }
}
