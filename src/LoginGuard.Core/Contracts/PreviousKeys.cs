namespace LoginGuard.Contracts;

/// <summary>
/// An event's keyed hashes under one hash key rotated out (<c>Privacy:PreviousHashKeys</c>): what the learner's history
/// filed before the rotation knows their devices, addresses and networks by, so they are still recognised after it.
/// </summary>
/// <param name="KeyId">The id of the previous key.</param>
/// <param name="Keys">The learner, address and network under that key.</param>
/// <param name="DeviceId">The device under that key (<see cref="DeviceFingerprint.Id"/>).</param>
/// <param name="AgentKey">The agent under that key (<see cref="DeviceFingerprint.AgentKey"/>); empty when the user agent named none.</param>
internal sealed record PreviousKeys(string KeyId, StateKeys Keys, string DeviceId, string AgentKey);
