using System.Net;
using LoginGuard.Contracts;
using LoginGuard.Core.Tests.Privacy;
using LoginGuard.Enrichment;
using LoginGuard.Enrichment.UserAgents;
using LoginGuard.Privacy;
using Microsoft.Extensions.Options;

namespace LoginGuard.Core.Tests.Enrichment;

public sealed class DeviceFingerprinterTests
{
    private const string Chrome130 = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";
    private const string Chrome131 = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    private const string Firefox133 = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

    private static DeviceFingerprinter Create(string key = KeyedHasherTests.KeyA) =>
        new(new UserAgentParser(Options.Create(new EnrichmentOptions())), KeyedHasherTests.Create(key));

    private static AuthEvent SignIn(string? userAgent, string? deviceId = null) =>
        new("evt-1", AuthEventType.LoginSucceeded, DateTimeOffset.UnixEpoch, "learner-42", IPAddress.Loopback, userAgent, deviceId);

    [Fact]
    public void Recognises_a_device_by_its_cookie()
    {
        var fingerprinter = Create();

        var first = fingerprinter.Fingerprint(SignIn(Chrome131, "device-cookie-1"));
        var again = fingerprinter.Fingerprint(SignIn(Chrome131, "device-cookie-1"));

        again.Id.Should().Be(first.Id);
        first.FromDeviceId.Should().BeTrue();
    }

    [Fact]
    public void Tells_devices_apart_by_their_cookie_even_with_the_same_browser()
    {
        var fingerprinter = Create();

        fingerprinter.Fingerprint(SignIn(Chrome131, "device-cookie-1")).Id.Should()
            .NotBe(fingerprinter.Fingerprint(SignIn(Chrome131, "device-cookie-2")).Id);
    }

    [Fact]
    public void Trusts_the_cookie_over_the_user_agent()
    {
        var fingerprinter = Create();

        fingerprinter.Fingerprint(SignIn(Firefox133, "device-cookie-1")).Id.Should()
            .Be(fingerprinter.Fingerprint(SignIn(Chrome131, "device-cookie-1")).Id);
    }

    [Fact]
    public void Gives_another_id_under_another_key()
    {
        Create(KeyedHasherTests.KeyA).Fingerprint(SignIn(Chrome131, "device-cookie-1")).Id.Should()
            .NotBe(Create(KeyedHasherTests.KeyB).Fingerprint(SignIn(Chrome131, "device-cookie-1")).Id);
    }

    [Fact]
    public void Treats_a_browser_update_as_the_same_device_when_there_is_no_cookie()
    {
        var fingerprinter = Create();

        var before = fingerprinter.Fingerprint(SignIn(Chrome130));
        var after = fingerprinter.Fingerprint(SignIn(Chrome131));

        after.Id.Should().Be(before.Id);
        after.FromDeviceId.Should().BeFalse();
    }

    [Fact]
    public void Treats_another_browser_as_another_device_when_there_is_no_cookie()
    {
        var fingerprinter = Create();

        fingerprinter.Fingerprint(SignIn(Firefox133)).Id.Should().NotBe(fingerprinter.Fingerprint(SignIn(Chrome131)).Id);
    }

    [Fact]
    public void Keeps_the_hashed_device_cookie_apart_from_the_hashed_learner_id()
    {
        var hasher = KeyedHasherTests.Create(KeyedHasherTests.KeyA);

        var device = Create().Fingerprint(SignIn(Chrome131, "learner-42"));

        device.Id.Should().NotBe(hasher.Hash(KeyedHasher.UserPurpose, "learner-42"));
    }

    [Fact]
    public void Keeps_neither_the_raw_user_agent_nor_the_device_cookie()
    {
        var device = Create().Fingerprint(SignIn(Chrome131, "device-cookie-1"));

        device.Agent.Should().Be(new UserAgentInfo("Chrome", 131, "Windows", 10, DeviceType.Desktop));
        device.Description.Should().Be("Chrome 131 on Windows");
        device.Id.Should().MatchRegex("^[0-9a-f]{64}$");
        device.ToString().Should().NotContain("device-cookie-1").And.NotContain("Mozilla");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Falls_back_to_the_user_agent_when_the_cookie_is_blank(string? deviceId)
    {
        var fingerprinter = Create();

        fingerprinter.Fingerprint(SignIn(Chrome131, deviceId)).Should().Be(fingerprinter.Fingerprint(SignIn(Chrome130)) with
        {
            AgentKey = fingerprinter.Fingerprint(SignIn(Chrome131, "a-cookie")).AgentKey,
            Agent = new UserAgentInfo("Chrome", 131, "Windows", 10, DeviceType.Desktop),
            Description = "Chrome 131 on Windows",
        });
    }

    [Fact]
    public void A_cleared_cookie_keeps_the_browsers_agent_key_and_an_update_changes_it()
    {
        var fingerprinter = Create();

        var before = fingerprinter.Fingerprint(SignIn(Chrome131, "cookie-before"));
        var cleared = fingerprinter.Fingerprint(SignIn(Chrome131, "cookie-after"));
        var updated = fingerprinter.Fingerprint(SignIn(Chrome130, "cookie-before"));

        cleared.Id.Should().NotBe(before.Id);
        cleared.AgentKey.Should().Be(before.AgentKey).And.MatchRegex("^[0-9a-f]{24}$");
        updated.AgentKey.Should().NotBe(before.AgentKey);
    }

    [Fact]
    public void Describes_a_sign_in_without_a_user_agent_as_an_unknown_device()
    {
        var device = Create().Fingerprint(SignIn(userAgent: null));

        device.Agent.Should().BeSameAs(UserAgentInfo.Unknown);
        device.Description.Should().Be("an unknown device");
    }

    [Fact]
    public void A_missing_or_unreadable_user_agent_names_no_agent_so_strangers_never_share_one()
    {
        var fingerprinter = Create();

        fingerprinter.Fingerprint(SignIn(userAgent: null, "cookie-a")).AgentKey.Should().BeEmpty();
        fingerprinter.Fingerprint(SignIn(userAgent: "", "cookie-b")).AgentKey.Should().BeEmpty();
    }
}
