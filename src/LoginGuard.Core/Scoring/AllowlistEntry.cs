namespace LoginGuard.Scoring;

/// <summary>A network whose failures never count toward address or network rules (e.g. the platform's own office egress).</summary>
internal sealed class AllowlistEntry
{
    /// <summary>The network in CIDR notation, e.g. <c>90.2.128.0/24</c> or <c>2001:db8::/48</c>.</summary>
    public string? Cidr { get; set; }

    /// <summary>Why it is trusted; required, so the next engineer knows whether it still should be.</summary>
    public string? Reason { get; set; }
}
