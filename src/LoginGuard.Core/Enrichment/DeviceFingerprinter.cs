using LoginGuard.Contracts;
using LoginGuard.Enrichment.UserAgents;
using LoginGuard.Privacy;

namespace LoginGuard.Enrichment;

/// <summary>
/// Decides which device an event came from, keeping only a keyed hash of what identifies it: the raw user
/// agent and device cookie never leave this class.
/// </summary>
/// <remarks>
/// The client's device cookie identifies a device best. Without one, the device is its browser, system and
/// device type with versions left out, so an update is not a new device; that is coarse (every Chrome on
/// Windows is one device) but it is all a user agent can honestly tell.
/// </remarks>
internal sealed class DeviceFingerprinter(UserAgentParser parser, KeyedHasher hasher)
{
    public DeviceFingerprint Fingerprint(AuthEvent authEvent)
    {
        var agent = parser.Parse(authEvent.UserAgent);
        var (id, agentKey) = Hashes(hasher, authEvent, agent);
        return new DeviceFingerprint(id, agentKey, agent, UserAgentDescriber.Describe(agent), FromDeviceId: !string.IsNullOrWhiteSpace(authEvent.DeviceId));
    }

    /// <summary>The device's and agent's keyed hashes under another key, from the user agent <see cref="Fingerprint"/> parsed: a key rotated out.</summary>
    public static (string Id, string AgentKey) Hashes(KeyedHasher hasher, AuthEvent authEvent, UserAgentInfo agent)
    {
        // A user agent that says nothing names no agent: every blank or unreadable one would otherwise share a key.
        var agentKey = agent.BrowserFamily == UserAgentInfo.UnknownFamily
            ? ""
            : hasher.Hash(KeyedHasher.AgentPurpose, $"{agent.BrowserFamily}|{agent.BrowserMajor}|{agent.OsFamily}|{agent.OsMajor}|{agent.DeviceType}")[..StateKeyMaker.KeyLength];
        return string.IsNullOrWhiteSpace(authEvent.DeviceId)
            ? (hasher.Hash(KeyedHasher.DeviceAgentPurpose, $"{agent.BrowserFamily}|{agent.OsFamily}|{agent.DeviceType}"), agentKey)
            : (hasher.Hash(KeyedHasher.DevicePurpose, authEvent.DeviceId), agentKey);
    }
}
