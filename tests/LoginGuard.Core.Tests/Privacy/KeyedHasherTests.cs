using LoginGuard.Privacy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LoginGuard.Core.Tests.Privacy;

public sealed class KeyedHasherTests
{
    public const string KeyA = "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=";
    public const string KeyB = "ZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmY=";

    internal static KeyedHasher Create(string? key) =>
        new(Options.Create(new PrivacyOptions { HashKey = key }), NullLogger<KeyedHasher>.Instance);

    [Fact]
    public void Hashes_as_lower_case_hex_of_hmac_sha256_over_purpose_and_value()
    {
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            Convert.FromBase64String(KeyA), "device\nabc"u8));

        Create(KeyA).Hash("device", "abc").Should().Be(expected).And.MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public void Gives_the_same_hash_for_the_same_value_every_time()
    {
        Create(KeyA).Hash(KeyedHasher.DevicePurpose, "cookie-1").Should().Be(Create(KeyA).Hash(KeyedHasher.DevicePurpose, "cookie-1"));
    }

    [Fact]
    public void Gives_unrelated_hashes_under_a_different_key()
    {
        Create(KeyA).Hash(KeyedHasher.UserPurpose, "learner-42").Should().NotBe(Create(KeyB).Hash(KeyedHasher.UserPurpose, "learner-42"));
    }

    [Fact]
    public void Keeps_a_user_hash_and_a_device_hash_of_the_same_string_apart()
    {
        var hasher = Create(KeyA);

        hasher.Hash(KeyedHasher.UserPurpose, "42").Should().NotBe(hasher.Hash(KeyedHasher.DevicePurpose, "42"));
    }

    [Fact]
    public void Hashes_long_and_non_ascii_values_the_same_way_as_short_ones()
    {
        var value = new string('é', 2_000) + "🙂";
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            Convert.FromBase64String(KeyA), System.Text.Encoding.UTF8.GetBytes("user\n" + value)));

        Create(KeyA).Hash("user", value).Should().Be(expected);
    }

    [Fact]
    public void Refuses_a_purpose_that_could_be_confused_with_a_value()
    {
        var hash = () => Create(KeyA).Hash("user\ndevice", "42");

        hash.Should().Throw<ArgumentException>().WithParameterName("purpose");
    }

    [Fact]
    public async Task Hashes_correctly_from_many_threads_with_several_keys()
    {
        var hashers = new[] { Create(KeyA), Create(KeyB) };
        var keys = new[] { Convert.FromBase64String(KeyA), Convert.FromBase64String(KeyB) };
        string Expected(int i) => Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            keys[i % 2], System.Text.Encoding.UTF8.GetBytes($"device\ncookie-{i}")));

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            Enumerable.Range(0, 200).All(i => hashers[i % 2].Hash("device", $"cookie-{i}") == Expected(i)))));

        results.Should().AllSatisfy(allMatched => allMatched.Should().BeTrue());
    }

    [Fact]
    public void Warns_once_that_hashes_are_predictable_when_no_key_is_set()
    {
        var logger = new TestLogger<KeyedHasher>();
        var hasher = new KeyedHasher(Options.Create(new PrivacyOptions()), logger);

        hasher.Hash(KeyedHasher.UserPurpose, "1");
        hasher.Hash(KeyedHasher.UserPurpose, "2");

        logger.Entries.Should().ContainSingle().Which.Should().Be((LogLevel.Warning,
            "Privacy:HashKey is not set; using the development key — device and learner hashes are predictable. Set Privacy:HashKey (32+ random bytes, base64) in production."));
    }

    [Fact]
    public void Logs_nothing_when_a_key_is_set()
    {
        var logger = new TestLogger<KeyedHasher>();

        _ = new KeyedHasher(Options.Create(new PrivacyOptions { HashKey = KeyA }), logger);

        logger.Entries.Should().BeEmpty();
    }
}
