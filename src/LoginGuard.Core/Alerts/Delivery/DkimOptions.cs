namespace LoginGuard.Alerts.Delivery;

/// <summary>
/// Optional DKIM signing of every alert mail (<c>Smtp:Dkim</c>). Leave all three empty to send unsigned, for
/// instance when the relay signs. Publish the public key as a TXT record at <c>{Selector}._domainkey.{Domain}</c>.
/// </summary>
internal sealed class DkimOptions
{
    /// <summary>The signing domain (d=): the domain of <c>Smtp:From</c> or a parent of it, so DMARC sees them aligned.</summary>
    public string? Domain { get; set; }

    /// <summary>The selector (s=) the public key is published under, e.g. <c>loginguard2026</c>.</summary>
    public string? Selector { get; set; }

    /// <summary>Absolute path of the RSA private key, PEM (PKCS#1 or PKCS#8), at least 1024 bits (2048 recommended).</summary>
    public string? PrivateKeyPath { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Domain) || !string.IsNullOrWhiteSpace(Selector) || !string.IsNullOrWhiteSpace(PrivateKeyPath);
}
