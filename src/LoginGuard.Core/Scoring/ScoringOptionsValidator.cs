using Microsoft.Extensions.Options;

namespace LoginGuard.Scoring;

[OptionsValidator]
internal sealed partial class ScoringOptionsAttributeValidator : IValidateOptions<ScoringOptions>;

/// <summary>Checks that need more than one field, with messages a security engineer can act on.</summary>
internal sealed class ScoringOptionsValidator : IValidateOptions<ScoringOptions>
{
    private readonly ScoringOptionsAttributeValidator attributes = new();

    public ValidateOptionsResult Validate(string? name, ScoringOptions options)
    {
        var failures = new List<string>();
        var fromAttributes = attributes.Validate(name, options);
        if (fromAttributes.Failed)
        {
            failures.AddRange(fromAttributes.Failures);
        }

        var levels = options.Levels;
        if (!(levels.Low <= levels.Medium && levels.Medium <= levels.High))
        {
            failures.Add($"{ScoringOptions.Section}:Levels: thresholds must rise from Low to Medium to High (were Low={levels.Low}, Medium={levels.Medium}, High={levels.High}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
