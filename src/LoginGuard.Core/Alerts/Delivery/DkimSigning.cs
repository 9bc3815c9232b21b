using LoginGuard.Alerts.Content;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Cryptography;

namespace LoginGuard.Alerts.Delivery;

/// <summary>Signs every alert mail with DKIM when <c>Smtp:Dkim</c> is set, so receivers can tell it really comes from the platform.</summary>
internal sealed class DkimSigning
{
    // What a forger would want to change: who, to whom, what, when, and which alert it is.
    private static readonly string[] SignedHeaders =
    [
        "From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type",
        AlertMessageBuilder.AlertHeader, AlertMessageBuilder.EventIdHeader, "Auto-Submitted",
    ];

    private readonly DkimSigner? signer;

    public DkimSigning(IOptions<SmtpOptions> options)
    {
        var dkim = options.Value.Dkim;
        if (dkim.IsConfigured)
        {
            signer = new DkimSigner(dkim.PrivateKeyPath!, dkim.Domain!, dkim.Selector!, DkimSignatureAlgorithm.RsaSha256)
            {
                // Relaxed survives the header re-folding and whitespace changes relays are allowed to make.
                HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
                BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
            };
        }
    }

    public void Sign(MimeMessage message)
    {
        if (signer is null)
        {
            return;
        }

        // Signing covers the encoded form, so it must come after the builder fixed the transfer encodings.
        message.Prepare(EncodingConstraint.SevenBit);
        signer.Sign(message, SignedHeaders);
    }
}
