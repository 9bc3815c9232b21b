namespace LoginGuard.Contracts;

/// <summary>
/// The keyed hashes an event's state is filed under: the learner, the client address, and its network
/// (the ASN when known, else the /24 or /48). State never holds the raw user id or address.
/// </summary>
internal sealed record StateKeys(string Learner, string Address, string Network);
