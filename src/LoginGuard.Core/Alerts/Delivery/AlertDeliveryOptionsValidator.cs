using LoginGuard.Alerts.Outbox;
using Microsoft.Extensions.Options;

namespace LoginGuard.Alerts.Delivery;

/// <summary>Checks <c>Alerts:Outbox</c> and <c>Alerts:Throttle</c> at start-up, reporting every error at once.</summary>
internal sealed class AlertDeliveryOptionsValidator : IValidateOptions<AlertOutboxOptions>, IValidateOptions<AlertThrottleOptions>
{
    private const string Outbox = AlertOutboxOptions.SectionName;
    private const string Throttle = AlertThrottleOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, AlertOutboxOptions options)
    {
        var errors = new List<string>();
        Positive(errors, $"{Outbox}:Retention", options.Retention, "7.00:00:00");
        Positive(errors, $"{Outbox}:RetryBaseDelay", options.RetryBaseDelay, "00:00:05");
        Positive(errors, $"{Outbox}:PollInterval", options.PollInterval, "00:00:01");
        Positive(errors, $"{Outbox}:Lease", options.Lease, "00:02:00");
        if (options.RetryMaxDelay < options.RetryBaseDelay)
        {
            errors.Add($"{Outbox}:RetryMaxDelay must be at least RetryBaseDelay ({options.RetryBaseDelay}) (was {options.RetryMaxDelay}); such as \"00:05:00\".");
        }

        if (options.GiveUpAfter <= options.RetryMaxDelay || options.GiveUpAfter > options.Retention)
        {
            errors.Add($"{Outbox}:GiveUpAfter must be longer than RetryMaxDelay ({options.RetryMaxDelay}) and at most Retention ({options.Retention}) (was {options.GiveUpAfter}); such as \"2.00:00:00\".");
        }

        if (options.BatchSize is < 1 or > 1000)
        {
            errors.Add($"{Outbox}:BatchSize must be between 1 and 1000 (was {options.BatchSize}); such as 50.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public ValidateOptionsResult Validate(string? name, AlertThrottleOptions options)
    {
        var errors = new List<string>();
        if (options.MaxNewDeviceMails < 1)
        {
            errors.Add($"{Throttle}:MaxNewDeviceMails must be at least 1 (was {options.MaxNewDeviceMails}); a learner always hears of the first new device.");
        }

        Positive(errors, $"{Throttle}:Window", options.Window, "01:00:00");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Positive(List<string> errors, string key, TimeSpan value, string example)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{key} must be a positive duration such as \"{example}\" (was {value}).");
        }
    }
}
