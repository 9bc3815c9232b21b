namespace LoginGuard.Alerts.Delivery;

/// <summary>
/// Where alert mail goes and who it is from. Bound from the <c>Smtp</c> section. Set either
/// <see cref="Host"/> (send through a server) or <see cref="PickupDirectory"/> (write .eml files), not both.
/// </summary>
internal sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Set together with <see cref="Password"/>, or leave both empty for an unauthenticated relay.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender as learners see it, e.g. <c>Learnwell Security &lt;security@learnwell.example&gt;</c>.</summary>
    public string From { get; set; } = "";

    /// <summary>A directory that receives one <c>{alertId}.eml</c> per alert instead of sending it.</summary>
    public string? PickupDirectory { get; set; }

    /// <summary>How long one SMTP command may take before the connection is given up and the send retried.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public DkimOptions Dkim { get; set; } = new();
}
