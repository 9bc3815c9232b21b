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
        // Unset is allowed so a developer machine starts without setup; KeyedHasher warns about it instead.
        if (string.IsNullOrEmpty(options.HashKey))
        {
            return ValidateOptionsResult.Success;
        }

        var decoded = new byte[options.HashKey.Length];
        if (!Convert.TryFromBase64String(options.HashKey, decoded, out var length))
        {
            return ValidateOptionsResult.Fail($"{Key}: must be base64 (it is not). {HowToFix}");
        }

        return length < PrivacyOptions.MinimumKeyBytes
            ? ValidateOptionsResult.Fail($"{Key}: must decode to at least {PrivacyOptions.MinimumKeyBytes} bytes (was {length}). {HowToFix}")
            : ValidateOptionsResult.Success;
    }
}
