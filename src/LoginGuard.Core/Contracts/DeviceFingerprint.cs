namespace LoginGuard.Contracts;

/// <summary>
/// A device as LoginGuard remembers it: <see cref="Id"/> is a keyed hash, never the raw device cookie or
/// user agent, so state can be kept without keeping what identifies the learner's hardware.
/// </summary>
/// <param name="Id">Lower-case hex HMAC-SHA256 of the device identity.</param>
/// <param name="AgentKey">
/// Keyed hash of the browser or app, its major version, the system and its major version, and the device type:
/// what a copied user agent shares with the learner's own device, and what a cleared cookie keeps. Empty when
/// the user agent is missing or unreadable.
/// </param>
/// <param name="Agent">The parsed user agent.</param>
/// <param name="Description">For people: "Chrome 131 on Windows", "Safari on iPhone".</param>
/// <param name="FromDeviceId">True when the identity came from the client's device cookie.</param>
internal sealed record DeviceFingerprint(string Id, string AgentKey, UserAgentInfo Agent, string Description, bool FromDeviceId);
