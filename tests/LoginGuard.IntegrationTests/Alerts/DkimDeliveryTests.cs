using System.Security.Cryptography;
using LoginGuard.IntegrationTests.Infrastructure;
using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;
using static LoginGuard.Testing.AuthEvents;

namespace LoginGuard.IntegrationTests.Alerts;

public sealed class DkimDeliveryTests : IDisposable
{
    private readonly string keyPath = Path.Combine(Path.GetTempPath(), $"loginguard-dkim-{Guid.NewGuid():N}.pem");
    private readonly RSA key = RSA.Create(2048);

    public DkimDeliveryTests() => File.WriteAllText(keyPath, key.ExportRSAPrivateKeyPem());

    public void Dispose()
    {
        key.Dispose();
        File.Delete(keyPath);
    }

    [Fact]
    public async Task Signs_every_mail_so_that_a_receiver_with_the_published_key_verifies_it()
    {
        await using var smtp = SmtpTestServer.Start();
        await using var worker = await AlertWorker.StartAsync(smtp.Port, extra: new Dictionary<string, string?>
        {
            ["Smtp:Dkim:Domain"] = "learnwell.example",
            ["Smtp:Dkim:Selector"] = "loginguard2026",
            ["Smtp:Dkim:PrivateKeyPath"] = keyPath,
        });

        await worker.ProcessAsync(PasswordChanged("e1"));

        var mail = (await smtp.WaitForAsync(1)).Single();
        var signature = mail.Headers.Should().ContainSingle(h => h.Id == HeaderId.DkimSignature).Subject;
        signature.Value.Should().Contain("d=learnwell.example").And.Contain("s=loginguard2026");
        var verifier = new DkimVerifier(new PublishedKey($"v=DKIM1; k=rsa; p={Convert.ToBase64String(key.ExportSubjectPublicKeyInfo())}"));
        (await verifier.VerifyAsync(mail, signature)).Should().BeTrue();

        mail.Subject = "Your password was not changed";
        (await verifier.VerifyAsync(mail, signature)).Should().BeFalse("a changed subject must break the signature");
    }

    /// <summary>Stands in for the DNS TXT record at loginguard2026._domainkey.learnwell.example.</summary>
    private sealed class PublishedKey(string record) : DkimPublicKeyLocatorBase
    {
        public override AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            domain == "learnwell.example" && selector == "loginguard2026" ? GetPublicKey(record) : throw new InvalidOperationException($"No key published for {selector}._domainkey.{domain}.");

        public override Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            Task.FromResult(LocatePublicKey(methods, domain, selector, cancellationToken));
    }
}
