namespace LoginGuard.Alerts.Delivery;

/// <summary>How the connection to the SMTP server is protected.</summary>
internal enum SmtpSecurity
{
    /// <summary>Plain text; only acceptable to a relay on the same host.</summary>
    None,

    /// <summary>Connect in plain text, then upgrade with STARTTLS (usually port 587); fails if the server cannot.</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,
}
