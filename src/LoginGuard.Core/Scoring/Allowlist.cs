using System.Net;

namespace LoginGuard.Scoring;

/// <summary>The validated allowlist: networks whose traffic never counts toward address or network rules.</summary>
internal sealed class Allowlist(IReadOnlyList<(string Name, IPNetwork Network, string Reason)> entries)
{
    public static Allowlist Empty { get; } = new([]);

    public static Allowlist From(IReadOnlyDictionary<string, AllowlistEntry> entries) =>
        new(entries.Select(e => (e.Key, IPNetwork.Parse(e.Value.Cidr!), e.Value.Reason!)).ToList());

    public bool Contains(IPAddress address) => entries.Any(e => e.Network.Contains(address));
}
