using Microsoft.Extensions.Options;

namespace LoginGuard.Privacy;

/// <summary>Checks the <c>Privacy</c> section at start-up.</summary>
/// <remarks>The messages never quote the key: it is a secret, and start-up errors end up in logs.</remarks>
internal sealed class PrivacyOptionsValidator : IValidateOptions<PrivacyOptions>
{
    private const string Key = $"{PrivacyOptions.SectionName}:{nameof(PrivacyOptions.HashKey)}";
    private const string HowToFix = "Generate one with `openssl rand -base64 32`.";

    public ValidateOptionsResult Validate(string? name, PrivacyOptions options)
    {
        var errors = new List<string>();
        if (!KeyIds.IsValid(options.HashKeyId))
        {
            errors.Add($"{Key}Id: {KeyIds.Rule} (was \"{options.HashKeyId}\").");
        }

        // Unset is allowed so a developer machine starts without setup; KeyedHasher warns about it instead, and run refuses it.
        if (!string.IsNullOrEmpty(options.HashKey) && KeyProblem(options.HashKey) is { } problem)
        {
            errors.Add($"{Key}: {problem}");
        }

        foreach (var (id, key) in options.PreviousHashKeys)
        {
            var at = $"{PrivacyOptions.SectionName}:{nameof(PrivacyOptions.PreviousHashKeys)}:{id}";
            if (!KeyIds.IsValid(id) || id == options.HashKeyId)
            {
                errors.Add($"{at}: the id {KeyIds.Rule}, and differs from {Key}Id.");
            }

            if (KeyProblem(key) is { } previous)
            {
                errors.Add($"{at}: {previous}");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static string? KeyProblem(string key)
    {
        var decoded = new byte[key.Length];
        if (!Convert.TryFromBase64String(key, decoded, out var length))
        {
            return $"must be base64 (it is not). {HowToFix}";
        }

        return length < PrivacyOptions.MinimumKeyBytes ? $"must decode to at least {PrivacyOptions.MinimumKeyBytes} bytes (was {length}). {HowToFix}" : null;
    }
}
