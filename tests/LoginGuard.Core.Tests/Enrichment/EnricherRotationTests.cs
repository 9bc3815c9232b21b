using System.Net;
using LoginGuard.Contracts;
using LoginGuard.Core.Tests.Privacy;
using LoginGuard.Enrichment;
using LoginGuard.Enrichment.GeoIp;
using LoginGuard.Enrichment.UserAgents;
using LoginGuard.Privacy;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LoginGuard.Core.Tests.Enrichment;

public sealed class EnricherRotationTests
{
    private const string Chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    private static readonly AuthEvent SignIn = new("evt-1", AuthEventType.LoginSucceeded, DateTimeOffset.UnixEpoch, "learner-42", IPAddress.Parse("81.57.10.20"), Chrome, "device-cookie-1");

    [Fact]
    public void Without_a_previous_key_an_event_carries_no_previous_hashes()
    {
        Enricher(new PrivacyOptions { HashKey = KeyedHasherTests.KeyA }).Enrich(SignIn).Previous.Should().BeNull();
    }

    [Fact]
    public void After_a_rotation_an_event_carries_the_hashes_the_previous_key_filed_it_under()
    {
        var rotated = Enricher(new PrivacyOptions { HashKey = KeyedHasherTests.KeyB, HashKeyId = "2", PreviousHashKeys = { ["1"] = KeyedHasherTests.KeyA } }).Enrich(SignIn);
        var before = Enricher(new PrivacyOptions { HashKey = KeyedHasherTests.KeyA }).Enrich(SignIn);

        rotated.Keys.Learner.Should().NotBe(before.Keys.Learner);
        rotated.Previous.Should().ContainSingle().Which.Should().BeEquivalentTo(new PreviousKeys("1", before.Keys, before.Device.Id, before.Device.AgentKey));
    }

    [Fact]
    public void A_failure_that_names_no_account_carries_no_previous_hashes_as_it_files_nothing_under_a_learner()
    {
        var unknownUser = SignIn with { Type = AuthEventType.LoginFailed, FailureReason = FailureReason.UnknownUser };

        Enricher(new PrivacyOptions { HashKey = KeyedHasherTests.KeyB, PreviousHashKeys = { ["1"] = KeyedHasherTests.KeyA } }).Enrich(unknownUser).Previous.Should().BeNull();
    }

    private static Enricher Enricher(PrivacyOptions privacy)
    {
        var hasher = new KeyedHasher(Options.Create(privacy), NullLogger<KeyedHasher>.Instance);
        return new Enricher(new DeviceFingerprinter(new UserAgentParser(Options.Create(new EnrichmentOptions())), hasher), new GeoIpDisabledLocator(), new StateKeyMaker(hasher));
    }
}
