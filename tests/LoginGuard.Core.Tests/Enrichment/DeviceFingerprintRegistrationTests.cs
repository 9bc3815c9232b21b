using System.Net;
using LoginGuard.Contracts;
using LoginGuard.Core.Tests.Privacy;
using LoginGuard.Enrichment;
using LoginGuard.Enrichment.UserAgents;
using LoginGuard.Privacy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LoginGuard.Core.Tests.Enrichment;

public sealed class DeviceFingerprintRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(Logger<>))
            .AddDeviceFingerprinting()
            .AddDeviceFingerprinting();
        return services.BuildServiceProvider(validateScopes: true);
    }

    [Fact]
    public void Replaces_the_default_app_products_with_the_configured_ones()
    {
        using var provider = Build(new() { ["Enrichment:AppProducts:0"] = "Studybuddy" });

        var options = provider.GetRequiredService<IOptions<EnrichmentOptions>>().Value;
        var parser = provider.GetRequiredService<UserAgentParser>();

        options.AppProducts.Should().Equal("Studybuddy");
        parser.Parse("Studybuddy/3.2.0 (Android 14; Pixel 8)").DeviceType.Should().Be(DeviceType.App);
        parser.Parse("Learnwell/8.4.1 (Android 14; Pixel 8)").DeviceType.Should().NotBe(DeviceType.App);
    }

    [Fact]
    public void Fingerprints_with_the_configured_key()
    {
        using var provider = Build(new() { ["Privacy:HashKey"] = KeyedHasherTests.KeyA });

        var device = provider.GetRequiredService<DeviceFingerprinter>().Fingerprint(new(
            "evt-1", AuthEventType.LoginSucceeded, DateTimeOffset.UnixEpoch, "learner-42",
            IPAddress.Loopback, DeviceId: "device-cookie-1"));

        device.Id.Should().Be(KeyedHasherTests.Create(KeyedHasherTests.KeyA).Hash("device", "device-cookie-1"));
    }

    [Fact]
    public void Refuses_to_start_with_a_short_hash_key_or_a_bad_app_product()
    {
        using var provider = Build(new() { ["Privacy:HashKey"] = "AAAAAAAAAAAAAAAA", ["Enrichment:AppProducts:0"] = "Learnwell app" });

        var fingerprinter = () => provider.GetRequiredService<DeviceFingerprinter>();

        fingerprinter.Should().Throw<OptionsValidationException>();
        provider.Invoking(p => p.GetRequiredService<IOptions<PrivacyOptions>>().Value)
            .Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainSingle()
            .Which.Should().Contain("Privacy:HashKey: must decode to at least 32 bytes (was 12).");
        provider.Invoking(p => p.GetRequiredService<IOptions<EnrichmentOptions>>().Value)
            .Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainSingle()
            .Which.Should().StartWith("Enrichment:AppProducts:0:");
    }
}
