using System.Security.Cryptography;
using LoginGuard.Alerts.Delivery;

namespace LoginGuard.Core.Tests.Alerts;

public sealed class DkimOptionsValidatorTests : IDisposable
{
    private readonly string keyPath = Path.Combine(Path.GetTempPath(), $"loginguard-dkim-{Guid.NewGuid():N}.pem");

    public DkimOptionsValidatorTests()
    {
        using var rsa = RSA.Create(2048);
        File.WriteAllText(keyPath, rsa.ExportPkcs8PrivateKeyPem());
    }

    public void Dispose() => File.Delete(keyPath);

    [Theory]
    [InlineData("learnwell.example")]
    [InlineData("mail.learnwell.example", "security@mail.learnwell.example")]
    public void Accepts_a_readable_key_for_the_senders_domain_or_a_parent(string domain, string from = "security@learnwell.example")
    {
        Errors(new DkimOptions { Domain = domain, Selector = "loginguard2026", PrivateKeyPath = keyPath }, from).Should().BeEmpty();
    }

    [Fact]
    public void Accepts_no_dkim_at_all()
    {
        Errors(new DkimOptions()).Should().BeEmpty();
    }

    [Fact]
    public void Rejects_a_domain_that_does_not_align_with_the_sender()
    {
        Errors(new DkimOptions { Domain = "other.example", Selector = "s1", PrivateKeyPath = keyPath })
            .Should().ContainSingle().Which.Should().Contain("Smtp:Dkim:Domain").And.Contain("\"other.example\"").And.Contain("DMARC");
    }

    [Fact]
    public void Rejects_half_a_configuration_naming_each_missing_key()
    {
        var errors = Errors(new DkimOptions { Domain = "learnwell.example" });

        errors.Should().HaveCount(2);
        errors.Should().Contain(e => e.StartsWith("Smtp:Dkim:Selector", StringComparison.Ordinal));
        errors.Should().Contain(e => e.StartsWith("Smtp:Dkim:PrivateKeyPath", StringComparison.Ordinal));
    }

    [Fact]
    public void Rejects_a_key_file_that_is_not_a_pem_rsa_key()
    {
        File.WriteAllText(keyPath, "not a key");

        Errors(new DkimOptions { Domain = "learnwell.example", Selector = "s1", PrivateKeyPath = keyPath })
            .Should().ContainSingle().Which.Should().Contain("is not a PEM RSA private key");
    }

    [Fact]
    public void Rejects_a_key_file_that_does_not_exist_and_says_how_to_make_one()
    {
        Errors(new DkimOptions { Domain = "learnwell.example", Selector = "s1", PrivateKeyPath = "/nonexistent/dkim.pem" })
            .Should().ContainSingle().Which.Should().Contain("openssl genrsa");
    }

    private static List<string> Errors(DkimOptions dkim, string from = "security@learnwell.example")
    {
        var errors = new List<string>();
        DkimOptionsValidator.Validate(new SmtpOptions { From = from, Host = "smtp.learnwell.example", Dkim = dkim }, errors);
        return errors;
    }
}
