using Microsoft.Extensions.Options;

namespace LoginGuard.Enrichment;

/// <summary>Checks the <c>Enrichment</c> section at start-up, reporting every error at once.</summary>
internal sealed class EnrichmentOptionsValidator : IValidateOptions<EnrichmentOptions>
{
    private const string Section = EnrichmentOptions.SectionName;
    private const int MaxCacheSize = 1_000_000;

    public ValidateOptionsResult Validate(string? name, EnrichmentOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.AppProducts.Count; i++)
        {
            // The token is matched as the user agent's first "<product>/", so it cannot hold what ends one.
            var product = options.AppProducts[i];
            if (string.IsNullOrWhiteSpace(product) || product.Any(c => c is '/' or '(' or ')' or ';' || char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                errors.Add($"{Section}:AppProducts:{i}: must be the product token the app puts before \"/\" in its user agent, such as \"Learnwell\" (was \"{product}\").");
            }
        }

        if (options.UserAgentCacheSize is < 0 or > MaxCacheSize)
        {
            errors.Add($"{Section}:UserAgentCacheSize: must be between 0 (no cache) and {MaxCacheSize} (was {options.UserAgentCacheSize}).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
