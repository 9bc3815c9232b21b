namespace LoginGuard.Worker.Api;

/// <summary>The HTTP API other platform services call (section <c>Api</c>); off unless <see cref="Url"/> is set.</summary>
internal sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>The smallest key worth its name: 32 characters, e.g. <c>openssl rand -base64 32</c>.</summary>
    public const int MinimumKeyLength = 32;

    /// <summary>
    /// Where Kestrel listens, e.g. <c>https://0.0.0.0:8443</c> (certificate from <c>Kestrel:Certificates:Default</c>).
    /// Plain http only on a loopback address, unless <see cref="AllowPlainHttp"/>. Empty: no API (as in the replay).
    /// </summary>
    public string? Url { get; set; }

    /// <summary>
    /// One key per caller, by key id (the id is what the audit log records): each with its secret, the scopes it is
    /// granted (<see cref="ApiScopes"/>) and its rate. At least one is required when <see cref="Url"/> is set.
    /// </summary>
    public Dictionary<string, ApiKeyOptions> Keys { get; set; } = [];

    /// <summary>
    /// Serve plain http on a non-loopback address: only where TLS ends in front of the worker on the same host, or a
    /// container whose port is published on loopback alone (deploy/compose.yaml). Off: such a URL stops start-up.
    /// </summary>
    public bool AllowPlainHttp { get; set; }

    /// <summary>How long the audit log keeps who exported, erased or read whose data.</summary>
    public TimeSpan AuditRetention { get; set; } = TimeSpan.FromDays(400);

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Url);
}

/// <summary>One caller's credential (<c>Api:Keys:&lt;key id&gt;</c>).</summary>
internal sealed class ApiKeyOptions
{
    /// <summary>The secret the caller sends as <c>X-Api-Key</c>; at least 32 characters.</summary>
    public string? Secret { get; set; }

    /// <summary>What the key may do: any of <see cref="ApiScopes.All"/>.</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>Requests the key may make per minute; more are answered 429.</summary>
    public int PermitsPerMinute { get; set; } = 600;
}
