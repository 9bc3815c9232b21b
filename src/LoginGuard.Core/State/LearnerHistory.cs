using LoginGuard.Contracts;

namespace LoginGuard.State;

/// <summary>
/// What LoginGuard remembers of one learner: capped lists, aged out by event time. Everything is a keyed
/// hash, an id or a code — never a raw address, device cookie or place name.
/// </summary>
/// <param name="Agents">
/// The browsers and apps, with their versions, the learner's devices ran (<see cref="DeviceFingerprint.AgentKey"/>):
/// a new device cookie on a known agent is a cleared cookie, a private window, a reinstall or a copied user
/// agent, and when that agent was last seen is what the history can add.
/// </param>
internal sealed record LearnerHistory(
    IReadOnlyList<KnownValue> Devices,
    IReadOnlyList<KnownValue> Agents,
    IReadOnlyList<KnownValue> Addresses,
    IReadOnlyList<KnownValue> Networks,
    IReadOnlyList<KnownValue> Countries,
    IReadOnlyList<KnownPlace> Places,
    LastSignIn? LastSuccess,
    int SuccessfulLogins,
    IReadOnlyList<FailedAttempt> Failures,
    DateTimeOffset? LastRiskyLoginAt,
    IReadOnlyDictionary<string, DateTimeOffset> RuleFirings)
{
    public static LearnerHistory Empty { get; } = new([], [], [], [], [], [], null, 0, [], null, new Dictionary<string, DateTimeOffset>());

    public bool KnowsDevice(string deviceKey) => Devices.Any(d => d.Key == deviceKey);

    public bool KnowsAddress(string addressKey) => Addresses.Any(a => a.Key == addressKey);

    public bool KnowsNetwork(string networkKey) => Networks.Any(n => n.Key == networkKey);
}
