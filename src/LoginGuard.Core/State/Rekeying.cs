using LoginGuard.Contracts;

namespace LoginGuard.State;

/// <summary>
/// Moves a learner's history to the current hash key as their events show it the way, after a rotation of
/// <c>Privacy:HashKey</c>. A keyed hash cannot be turned back into the id it hides, so nothing can be re-keyed in bulk;
/// but an event carries its own hashes under every key rotated out (<see cref="EnrichedEvent.Previous"/>), so an entry
/// filed under one of those is the event's device, agent, address or network, and takes its current hash. Entries not
/// seen again keep their previous hash, and are matched by the next event that carries it, until they age out.
/// </summary>
internal static class Rekeying
{
    /// <summary>The history with every entry this event names under a previous key filed under its current one; the same instance when no key was rotated out.</summary>
    public static LearnerHistory Rekey(LearnerHistory history, EnrichedEvent enriched)
    {
        if (enriched.Previous is not { } previous)
        {
            return history;
        }

        foreach (var keys in previous)
        {
            history = history with
            {
                Devices = Move(history.Devices, keys.DeviceId, enriched.Device.Id),
                Agents = keys.AgentKey.Length == 0 ? history.Agents : Move(history.Agents, keys.AgentKey, enriched.Device.AgentKey),
                Addresses = Move(history.Addresses, keys.Keys.Address, enriched.Keys.Address),
                Networks = Move(history.Networks, keys.Keys.Network, enriched.Keys.Network),
                Failures = history.Failures.Any(f => f.Key == keys.Keys.Address)
                    ? [.. history.Failures.Select(f => f.Key == keys.Keys.Address ? f with { Key = enriched.Keys.Address } : f)]
                    : history.Failures,
            };
        }

        return history;
    }

    /// <summary>The entry known by <paramref name="previous"/> under <paramref name="current"/>, merged with one already there.</summary>
    private static IReadOnlyList<KnownValue> Move(IReadOnlyList<KnownValue> values, string previous, string current)
    {
        // An ASN is the same under every key, and an entry already moved is not found again.
        if (previous == current || values.FirstOrDefault(v => v.Key == previous) is not { } moved)
        {
            return values;
        }

        var merged = values.FirstOrDefault(v => v.Key == current) is { } kept
            ? new KnownValue(current, Earliest(moved.FirstSeen, kept.FirstSeen), Latest(moved.LastSeen, kept.LastSeen), moved.Count + kept.Count)
            : moved with { Key = current };
        return [.. values.Where(v => v.Key != previous && v.Key != current).Append(merged)
            .OrderByDescending(v => v.LastSeen).ThenBy(v => v.Key, StringComparer.Ordinal)];
    }

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

    private static DateTimeOffset Latest(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}
