using LoginGuard.Alerts.Delivery;

namespace LoginGuard.Core.Tests.Alerts;

public sealed class SmtpOptionsValidatorTests
{
    private static SmtpOptions Valid() => new()
    {
        Host = "smtp.learnwell.example",
        Port = 587,
        Security = SmtpSecurity.StartTls,
        Username = "loginguard",
        Password = "s3cret-value",
        From = "Learnwell Security <security@learnwell.example>",
    };

    [Fact]
    public void Accepts_a_server_with_credentials_over_tls()
    {
        new SmtpOptionsValidator().Validate(null, Valid()).Succeeded.Should().BeTrue();
    }

    [Fact]
    public void Accepts_a_pickup_directory_instead_of_a_server()
    {
        var options = new SmtpOptions { From = "security@learnwell.example", PickupDirectory = "/var/spool/loginguard" };

        new SmtpOptionsValidator().Validate(null, options).Succeeded.Should().BeTrue();
    }

    [Fact]
    public void Accepts_a_password_in_clear_only_to_a_relay_on_the_same_host()
    {
        var options = Valid();
        options.Host = "127.0.0.1";
        options.Security = SmtpSecurity.None;

        new SmtpOptionsValidator().Validate(null, options).Succeeded.Should().BeTrue();
    }

    private static readonly Dictionary<string, Action<SmtpOptions>> Spoilers = new()
    {
        ["empty From"] = o => o.From = "",
        ["From without domain"] = o => o.From = "Security <security@>",
        ["no destination"] = o => o.Host = null,
        ["two destinations"] = o => o.PickupDirectory = "/tmp/mail",
        ["bad host"] = o => o.Host = "smtp learnwell",
        ["port 0"] = o => o.Port = 0,
        ["unknown security"] = o => o.Security = (SmtpSecurity)7,
        ["user without password"] = o => o.Password = null,
        ["password without user"] = o => o.Username = null,
        ["password in clear"] = o => o.Security = SmtpSecurity.None,
    };

    public static TheoryData<string, string> BadSettings() => new()
    {
        { "empty From", "Smtp:From must be a mailbox such as \"Learnwell Security <security@learnwell.example>\" (was \"\")" },
        { "From without domain", "Smtp:From must be a mailbox" },
        { "no destination", "Smtp:Host and Smtp:PickupDirectory are both empty" },
        { "two destinations", "Smtp:Host (\"smtp.learnwell.example\") and Smtp:PickupDirectory (\"/tmp/mail\") are both set" },
        { "bad host", "Smtp:Host must be a host name or IP address such as \"smtp.learnwell.example\" (was \"smtp learnwell\")" },
        { "port 0", "Smtp:Port must be between 1 and 65535 (was 0)" },
        { "unknown security", "Smtp:Security must be None, StartTls or SslOnConnect (was 7)" },
        { "user without password", "Smtp:Username is set (\"loginguard\") but Smtp:Password is empty" },
        { "password without user", "Smtp:Password is set but Smtp:Username is empty" },
        { "password in clear", "Smtp:Security is None while Smtp:Password is set for \"smtp.learnwell.example\"" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Rejects_a_setting_naming_the_key_and_the_value(string because, string expected)
    {
        var options = Valid();
        Spoilers[because](options);

        var result = new SmtpOptionsValidator().Validate(null, options);

        result.Failures.Should().ContainSingle(because).Which.Should().Contain(expected);
    }

    [Fact]
    public void Rejects_a_relative_pickup_directory()
    {
        var options = new SmtpOptions { From = "security@learnwell.example", PickupDirectory = "mail" };

        new SmtpOptionsValidator().Validate(null, options).Failures
            .Should().ContainSingle().Which.Should().StartWith("Smtp:PickupDirectory must be an absolute path").And.Contain("(was \"mail\")");
    }

    [Fact]
    public void Reports_every_error_at_once_and_never_the_password()
    {
        var options = new SmtpOptions { From = "nobody", Port = 70000, Password = "s3cret-value", Security = SmtpSecurity.None };

        var failures = new SmtpOptionsValidator().Validate(null, options).Failures;

        failures.Should().HaveCount(4);
        failures.Should().OnlyContain(f => f.StartsWith("Smtp:")).And.NotContain(f => f.Contains("s3cret"));
    }
}
