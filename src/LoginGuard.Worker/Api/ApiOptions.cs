namespace LoginGuard.Worker.Api;

/// <summary>The HTTP API other platform services call (section <c>Api</c>); off unless <see cref="Url"/> is set.</summary>
internal sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>The smallest key worth its name: 32 characters, e.g. <c>openssl rand -base64 32</c>.</summary>
    public const int MinimumKeyLength = 32;

    /// <summary>Where Kestrel listens, e.g. <c>http://0.0.0.0:8080</c>. Empty: no API (as in the embedded replay).</summary>
    public string? Url { get; set; }

    /// <summary>The shared secret every caller sends as the <c>X-Api-Key</c> header; required when <see cref="Url"/> is set.</summary>
    public string? Key { get; set; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Url);
}
