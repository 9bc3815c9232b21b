namespace LoginGuard.State;

/// <summary>A device the learner has signed in with, by keyed hash.</summary>
internal sealed record KnownDevice(string Id, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);

/// <summary>What LoginGuard remembers of a learner's successful sign-ins, capped and aged out by event time.</summary>
internal sealed record LearnerHistory(IReadOnlyList<KnownDevice> Devices, int SuccessfulLogins, DateTimeOffset? LastSuccessAt)
{
    public static LearnerHistory Empty { get; } = new([], 0, null);

    public bool KnowsDevice(string deviceId) => Devices.Any(d => d.Id == deviceId);
}
