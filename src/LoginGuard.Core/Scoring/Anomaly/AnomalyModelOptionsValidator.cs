using Microsoft.Extensions.Options;

namespace LoginGuard.Scoring.Anomaly;

[OptionsValidator]
internal sealed partial class AnomalyModelOptionsAttributeValidator : IValidateOptions<AnomalyModelOptions>;

/// <summary>
/// Refuses to start with a model that is enabled but missing, unreadable or trained on other features;
/// a disabled model is never loaded, so a deployment without one starts on the rules alone.
/// </summary>
internal sealed class AnomalyModelOptionsValidator(AnomalyModelStore store) : IValidateOptions<AnomalyModelOptions>
{
    private readonly AnomalyModelOptionsAttributeValidator attributes = new();

    public ValidateOptionsResult Validate(string? name, AnomalyModelOptions options)
    {
        var failures = new List<string>();
        var fromAttributes = attributes.Validate(name, options);
        if (fromAttributes.Failed)
        {
            failures.AddRange(fromAttributes.Failures.Select(f => $"{AnomalyModelOptions.Section}: {f}"));
        }

        if (options.Enabled && string.IsNullOrWhiteSpace(options.Path))
        {
            failures.Add($"{AnomalyModelOptions.Section}:Path: is empty. Set it to the model `loginguard-tools train` wrote (models/login-anomaly.zip), or set {AnomalyModelOptions.Section}:Enabled to false.");
        }
        else if (options.Enabled)
        {
            try
            {
                store.Get(options.Path);
            }
            catch (AnomalyModelLoadException e)
            {
                failures.Add(e.Message);
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
