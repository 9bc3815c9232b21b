using LoginGuard.Privacy;
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

        else if (url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback && !options.AllowPlainHttp)
        {
            errors.Add($"{ApiOptions.Section}:Url: plain http on a non-loopback address sends keys and learners' data in clear (was '{options.Url}'). " +
                $"Serve https (certificate from Kestrel:Certificates:Default), bind to 127.0.0.1, or set {ApiOptions.Section}:AllowPlainHttp when TLS ends in front of the worker on this host.");
        }

        if (!string.IsNullOrEmpty(configuration[$"{ApiOptions.Section}:Key"]))
        {
            errors.Add($"{ApiOptions.Section}:Key: one key for everything is gone; give each caller its own key under {ApiOptions.Section}:Keys:<key id> with Secret and Scopes.");
        }

        if (options.Keys.Count == 0)
        {
            errors.Add($"{ApiOptions.Section}:Keys: set at least one caller's key, e.g. {ApiOptions.Section}:Keys:prometheus:Secret and {ApiOptions.Section}:Keys:prometheus:Scopes:0=metrics.");
        }

        foreach (var (id, key) in options.Keys)
        {
            var at = $"{ApiOptions.Section}:Keys:{id}";
            if (!KeyIds.IsValid(id))
            {
                errors.Add($"{at}: the key id {KeyIds.Rule}.");
            }

            if (string.IsNullOrEmpty(key.Secret) || key.Secret.Length < ApiOptions.MinimumKeyLength)
            {
                errors.Add($"{at}:Secret: must be at least {ApiOptions.MinimumKeyLength} characters (was {key.Secret?.Length ?? 0}). Generate one with `openssl rand -base64 32`.");
            }

            if (key.Scopes.Count == 0 || key.Scopes.Any(s => !ApiScopes.All.Contains(s)))
            {
                errors.Add($"{at}:Scopes: must name at least one of {string.Join(", ", ApiScopes.All)} (was [{string.Join(", ", key.Scopes)}]).");
            }

            if (key.PermitsPerMinute < 1)
            {
                errors.Add($"{at}:PermitsPerMinute: must be at least 1 (was {key.PermitsPerMinute}).");
            }
        }

        if (options.Keys.Values.Where(k => !string.IsNullOrEmpty(k.Secret)).GroupBy(k => k.Secret, StringComparer.Ordinal).Any(g => g.Count() > 1))
        {
            errors.Add($"{ApiOptions.Section}:Keys: two key ids share one secret; each caller needs its own, or the audit log cannot tell them apart.");
        }

        if (options.AuditRetention < TimeSpan.FromDays(1))
        {
            errors.Add($"{ApiOptions.Section}:AuditRetention: must be at least 1.00:00:00 (was {options.AuditRetention}).");
        }

        if (!RedisConnection.ReadOptions(configuration).IsConfigured)
        {
            errors.Add($"{ApiOptions.Section}:Url: the API serves learners' data from Redis; set {RedisOptions.Section}:Configuration too, or leave {ApiOptions.Section}:Url empty.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
