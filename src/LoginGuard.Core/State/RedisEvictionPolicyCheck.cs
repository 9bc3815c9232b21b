using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace LoginGuard.State;

/// <summary>
/// Redis under any <c>maxmemory-policy</c> but <c>noeviction</c> deletes keys when it is full: a learner's history,
/// a decision that recognises a redelivery, a queued mail — each lost without an error. With <c>noeviction</c> a
/// full Redis refuses writes instead, which the worker retries and then pauses on, losing nothing. Checked once
/// when <c>run</c> starts, in the background (the worker starts while Redis is down), and a warning rather than a
/// refusal: a managed Redis may not let the operator change the policy. <c>INFO</c> is read through a script
/// because StackExchange.Redis keeps <c>INFO</c> and <c>CONFIG</c> to connections in admin mode, which the worker's
/// is not; in a cluster the script reaches one primary.
/// </summary>
internal sealed partial class RedisEvictionPolicyCheck(IConnectionMultiplexer redis, ILogger<RedisEvictionPolicyCheck> logger) : BackgroundService
{
    public const string Safe = "noeviction";

    private const string InfoScript = "return redis.call('INFO', 'memory')";

    /// <summary>Long enough for Redis to come up beside the worker; the check is advice, so it then gives up.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        patience.CancelAfter(Patience);
        var (info, error) = await ReadInfoAsync(patience.Token);
        if (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        if (info is null)
        {
            Unchecked(logger, error);
        }
        else if (PolicyIn(info) is not Safe)
        {
            EvictionPossible(logger, PolicyIn(info) ?? "unknown");
        }
    }

    /// <summary><c>INFO memory</c>, tried once a second until it answers or patience runs out; null and the last error then.</summary>
    private async Task<(string? Info, string Error)> ReadInfoAsync(CancellationToken cancellationToken)
    {
        var error = $"no answer within {Patience.TotalSeconds:0} s";
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                return ((string?)await redis.GetDatabase().ScriptEvaluateAsync(InfoScript).WaitAsync(cancellationToken), "");
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                error = e.Message;
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return (null, error);
    }

    /// <summary>The <c>maxmemory_policy</c> line of <c>INFO memory</c>.</summary>
    public static string? PolicyIn(string? info) => info?
        .Split('\n')
        .Select(line => line.Trim())
        .FirstOrDefault(line => line.StartsWith("maxmemory_policy:", StringComparison.Ordinal))?["maxmemory_policy:".Length..];

    [LoggerMessage(EventIds.RedisEvictionPossible, LogLevel.Warning,
        "Redis maxmemory-policy is {Policy}: when Redis is full it deletes keys, and learners' histories, redelivery records and queued mail are lost without an error. Set maxmemory-policy noeviction (redis.conf or CONFIG SET), so a full Redis refuses writes and the worker waits instead.")]
    private static partial void EvictionPossible(ILogger logger, string policy);

    [LoggerMessage(EventIds.RedisPolicyUnchecked, LogLevel.Warning,
        "Could not read Redis maxmemory-policy ({Error}); make sure it is noeviction, or a full Redis deletes learners' state and queued mail without an error.")]
    private static partial void Unchecked(ILogger logger, string error);
}
