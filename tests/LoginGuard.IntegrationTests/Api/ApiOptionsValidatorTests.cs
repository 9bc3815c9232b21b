using LoginGuard.Worker.Api;
using Microsoft.Extensions.Configuration;

namespace LoginGuard.IntegrationTests.Api;

public sealed class ApiOptionsValidatorTests
{
    private const string GoodKey = "0123456789abcdefghijklmnopqrstuvwxyz";

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("http://0.0.0.0:8080", GoodKey, "redis:6379")]
    public void Accepts_the_api_off_or_fully_configured(string? url, string? key, string? redis) =>
        Validate(url, key, redis).Succeeded.Should().BeTrue();

    [Theory]
    [InlineData("http://0.0.0.0:8080", "short", "redis:6379", "Api:Key: must be at least 32 characters (was 5)")]
    [InlineData("http://0.0.0.0:8080", null, "redis:6379", "Api:Key: must be at least 32 characters (was 0)")]
    [InlineData("ftp://0.0.0.0:8080", GoodKey, "redis:6379", "Api:Url: must be an absolute http or https URL")]
    [InlineData("http://0.0.0.0:8080", GoodKey, null, "set Redis:Configuration too")]
    public void Rejects_a_weak_key_a_bad_url_or_an_api_without_redis(string url, string? key, string? redis, string message)
    {
        var result = Validate(url, key, redis);

        result.FailureMessage.Should().Contain(message);
        result.FailureMessage.Should().NotContain("short", "the key is a secret and is never quoted");
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? url, string? key, string? redis)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Redis:Configuration"] = redis }).Build();
        return new ApiOptionsValidator(configuration).Validate(null, new ApiOptions { Url = url, Key = key });
    }
}
