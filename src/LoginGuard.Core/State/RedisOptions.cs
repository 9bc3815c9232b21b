namespace LoginGuard.State;

/// <summary>Where behavior state and the alert outbox live (section <c>Redis</c>).</summary>
internal sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>
    /// A StackExchange.Redis configuration string, e.g. <c>redis-1:6379,redis-2:6379,password=…,ssl=true</c>
    /// (environment <c>Redis__Configuration</c>). Empty: state is kept in this process, as the embedded replay does.
    /// </summary>
    public string? Configuration { get; set; }

    /// <summary>Put before every key, so several deployments (or tests) can share one Redis. No braces: they would pick the cluster slot.</summary>
    public string KeyPrefix { get; set; } = "lg:";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Configuration);
}
