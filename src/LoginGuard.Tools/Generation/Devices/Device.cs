namespace LoginGuard.Tools.Generation.Devices;

/// <summary>One of a learner's devices: the cookie it keeps and the version it runs, both of which change over time.</summary>
internal sealed class Device(DeviceKind kind, string? cookie)
{
    public DeviceKind Kind { get; } = kind;

    /// <summary>The deviceId the client sends; null for a browser that keeps no cookie between visits.</summary>
    public string? Cookie { get; set; } = cookie;

    public int Version { get; set; } = kind.Version;

    public bool Retired { get; set; }

    /// <summary>What the next sign-in from this device is labelled, after the device changed in a way a detector sees.</summary>
    public string? PendingScenario { get; set; }

    public string UserAgent => Kind.UserAgent(Version);

    public static Device Create(DeviceKind kind, Random random) => new(kind, DeviceCookies.New(kind, random));
}
