using LoginGuard.Privacy;

namespace LoginGuard.Core.Tests.Privacy;

public sealed class PrivacyOptionsValidatorTests
{
    private readonly PrivacyOptionsValidator _validator = new();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(KeyedHasherTests.KeyA)]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Accepts_an_unset_key_or_one_of_at_least_32_bytes(string? key)
    {
        _validator.Validate(null, new PrivacyOptions { HashKey = key }).Succeeded.Should().BeTrue();
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAA", "Privacy:HashKey: must decode to at least 32 bytes (was 12). Generate one with `openssl rand -base64 32`.")]
    [InlineData("q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJqw==", "Privacy:HashKey: must decode to at least 32 bytes (was 31). Generate one with `openssl rand -base64 32`.")]
    [InlineData("   ", "Privacy:HashKey: must decode to at least 32 bytes (was 0). Generate one with `openssl rand -base64 32`.")]
    [InlineData("correct horse battery staple is a passphrase", "Privacy:HashKey: must be base64 (it is not). Generate one with `openssl rand -base64 32`.")]
    public void Rejects_a_key_that_is_short_or_not_base64(string key, string message)
    {
        _validator.Validate(null, new PrivacyOptions { HashKey = key }).Failures.Should().ContainSingle().Which.Should().Be(message);
    }

    [Fact]
    public void Rejects_a_previous_key_that_is_short_or_shares_the_current_keys_id()
    {
        var options = new PrivacyOptions
        {
            HashKey = KeyedHasherTests.KeyA,
            HashKeyId = "2026",
            PreviousHashKeys = new() { ["2026"] = KeyedHasherTests.KeyA, ["2025"] = "AAAAAAAAAAAAAAAA" },
        };

        _validator.Validate(null, options).Failures.Should().BeEquivalentTo(
            "Privacy:PreviousHashKeys:2026: the id must be 1 to 16 letters, digits, '-' or '_', and differs from Privacy:HashKeyId.",
            "Privacy:PreviousHashKeys:2025: must decode to at least 32 bytes (was 12). Generate one with `openssl rand -base64 32`.");
    }

    [Fact]
    public void Never_quotes_the_key_it_rejects()
    {
        const string key = "c2VjcmV0LWJ1dC1zaG9ydA==";

        _validator.Validate(null, new PrivacyOptions { HashKey = key }).FailureMessage.Should().NotContain(key);
    }
}
