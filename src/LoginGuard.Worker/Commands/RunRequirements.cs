using LoginGuard.Privacy;
using LoginGuard.State;
using Microsoft.Extensions.Options;

namespace LoginGuard.Worker.Commands;

/// <summary>
/// What only <c>run</c> demands of its configuration: a secret hash key of its own and Redis. The embedded
/// replay keeps its defaults (the public development key, state in the process) because it handles sample data
/// and ends with the process; a worker that hashes real learners' ids with a public key could be reversed by
/// hashing guesses, and one without Redis loses its dedupe and queued mail on every restart.
/// </summary>
/// <remarks>The messages never quote the key: it is a secret, and start-up errors end up in logs.</remarks>
internal sealed class RunRequirements : IValidateOptions<PrivacyOptions>, IValidateOptions<RedisOptions>
{
    private const string HashKey = $"{PrivacyOptions.SectionName}:{nameof(PrivacyOptions.HashKey)}";
    private const string HowToMakeAKey = "Generate one with `openssl rand -base64 32` and pass it from a secret as Privacy__HashKey.";

    public ValidateOptionsResult Validate(string? name, PrivacyOptions options) =>
        string.IsNullOrEmpty(options.HashKey)
            ? ValidateOptionsResult.Fail($"{HashKey}: run needs a secret key of its own (it is unset, so the public development key would hash learners' ids). {HowToMakeAKey}")
            : KeyedHasher.IsDevelopmentKey(options.HashKey)
                ? ValidateOptionsResult.Fail($"{HashKey}: is the public development key, which anyone can use to reverse the hashes. {HowToMakeAKey}")
                : ValidateOptionsResult.Success;

    public ValidateOptionsResult Validate(string? name, RedisOptions options) =>
        options.IsConfigured
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{RedisOptions.Section}:Configuration: run needs Redis (it is unset, so dedupe, state and queued mail would live in this process and be lost on restart). " +
                "Set Redis__Configuration, e.g. redis:6379; only `loginguard replay` runs without it.");

    public static void AddTo(IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<RedisOptions>().BindConfiguration(RedisOptions.Section);
        services.AddOptionsWithValidateOnStart<PrivacyOptions>().BindConfiguration(PrivacyOptions.SectionName);
        services.AddSingleton<IValidateOptions<PrivacyOptions>, RunRequirements>();
        services.AddSingleton<IValidateOptions<RedisOptions>, RunRequirements>();
    }
}
