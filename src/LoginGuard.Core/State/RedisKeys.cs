using StackExchange.Redis;

namespace LoginGuard.State;

/// <summary>
/// Every Redis key behaviour state uses, built here and nowhere else. Each key carries a hash tag: all of
/// a learner's keys share <c>{u:&lt;learner&gt;}</c>, so a script touching them stays in one Redis Cluster
/// slot and erasing a learner finds every key with <see cref="LearnerPattern"/>; an address's and a
/// network's failures have their own tags, so a busy botnet's keys spread over the cluster.
/// </summary>
internal sealed class RedisKeys
{
    private readonly string prefix;

    public RedisKeys(string prefix)
    {
        // A brace in the prefix would become the hash tag and put every key in one slot.
        if (prefix.Contains('{', StringComparison.Ordinal) || prefix.Contains('}', StringComparison.Ordinal))
        {
            throw new ArgumentException($"A Redis key prefix may not contain braces (was '{prefix}').", nameof(prefix));
        }

        this.prefix = prefix;
    }

    public static RedisKeys Default { get; } = new("lg:");

    /// <summary>The learner's history, behind a version stamp the record script checks.</summary>
    public RedisKey LearnerState(string learner) => $"{prefix}{{u:{learner}}}:h";

    /// <summary>The decision made for one event of the learner, kept to recognise a redelivery.</summary>
    public RedisKey Decision(string learner, string eventId) => $"{prefix}{{u:{learner}}}:d:{eventId}";

    public RedisKey AddressFailures(string address) => $"{prefix}{{ip:{address}}}:f";

    public RedisKey NetworkFailures(string network) => $"{prefix}{{net:{network}}}:f";

    /// <summary>A SCAN pattern matching every key of one learner, for erasure.</summary>
    public RedisValue LearnerPattern(string learner) => $"{prefix}{{u:{learner}}}*";
}
