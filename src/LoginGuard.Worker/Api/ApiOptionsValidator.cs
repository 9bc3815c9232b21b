using LoginGuard.State;
using Microsoft.Extensions.Options;

namespace LoginGuard.Worker.Api;

/// <summary>Checks the <c>Api</c> section at start-up, every problem at once. Never quotes the key: start-up errors reach logs.</summary>
internal sealed class ApiOptionsValidator(IConfiguration configuration) : IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        if (!options.IsEnabled)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"{ApiOptions.Section}:Url: must be an absolute http or https URL such as http://0.0.0.0:8080 (was '{options.Url}').");
        }

        if (string.IsNullOrEmpty(options.Key) || options.Key.Length < ApiOptions.MinimumKeyLength)
        {
            errors.Add($"{ApiOptions.Section}:Key: must be at least {ApiOptions.MinimumKeyLength} characters (was {options.Key?.Length ?? 0}). Generate one with `openssl rand -base64 32`.");
        }

        if (!RedisConnection.ReadOptions(configuration).IsConfigured)
        {
            errors.Add($"{ApiOptions.Section}:Url: the API serves learners' data from Redis; set {RedisOptions.Section}:Configuration too, or leave {ApiOptions.Section}:Url empty.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
