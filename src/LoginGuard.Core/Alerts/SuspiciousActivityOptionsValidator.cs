using LoginGuard.Contracts;
using Microsoft.Extensions.Options;

namespace LoginGuard.Alerts;

/// <summary>Checks <c>Alerts:SuspiciousActivity</c> at start-up, reporting every error at once.</summary>
internal sealed class SuspiciousActivityOptionsValidator : IValidateOptions<SuspiciousActivityOptions>
{
    private const string Section = SuspiciousActivityOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, SuspiciousActivityOptions options)
    {
        var errors = new List<string>();
        if (options.MinLevel is RiskLevel.None || !Enum.IsDefined(options.MinLevel))
        {
            errors.Add($"{Section}:MinLevel must be Low, Medium or High (was {options.MinLevel}); such as \"Medium\". A mail for every decision would teach learners to ignore it.");
        }

        if (options.QuietPeriod <= TimeSpan.Zero)
        {
            errors.Add($"{Section}:QuietPeriod must be a positive duration such as \"1.00:00:00\" (was {options.QuietPeriod}).");
        }

        foreach (var (rule, incident) in options.Rules)
        {
            if (string.IsNullOrWhiteSpace(rule))
            {
                errors.Add($"{Section}:Rules has an empty rule id; name a rule of the rule set, such as \"impossible-travel\".");
            }

            if (!Enum.IsDefined(incident))
            {
                errors.Add($"{Section}:Rules:{rule} must be StolenSession, SuccessAfterFailures or BruteForce (was {incident}).");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
