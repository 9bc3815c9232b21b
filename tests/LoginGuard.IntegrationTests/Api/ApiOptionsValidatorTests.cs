using LoginGuard.Worker.Api;
using Microsoft.Extensions.Configuration;

namespace LoginGuard.IntegrationTests.Api;

public sealed class ApiOptionsValidatorTests
{
    private const string GoodKey = "0123456789abcdefghijklmnopqrstuvwxyz";

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("http://127.0.0.1:8080", GoodKey, "redis:6379")]
    [InlineData("https://0.0.0.0:8443", GoodKey, "redis:6379")]
    public void Accepts_the_api_off_or_fully_configured(string? url, string? key, string? redis) =>
        Validate(url, key, redis).Succeeded.Should().BeTrue();

    [Theory]
    [InlineData("http://127.0.0.1:8080", "short", "redis:6379", "Api:Keys:ops:Secret: must be at least 32 characters (was 5)")]
    [InlineData("http://127.0.0.1:8080", null, "redis:6379", "Api:Keys:ops:Secret: must be at least 32 characters (was 0)")]
    [InlineData("ftp://0.0.0.0:8080", GoodKey, "redis:6379", "Api:Url: must be an absolute http or https URL")]
    [InlineData("http://0.0.0.0:8080", GoodKey, "redis:6379", "Api:Url: plain http on a non-loopback address")]
    [InlineData("http://127.0.0.1:8080", GoodKey, null, "set Redis:Configuration too")]
    public void Rejects_a_weak_key_a_bad_url_or_an_api_without_redis(string url, string? key, string? redis, string message)
    {
        var result = Validate(url, key, redis);

        result.FailureMessage.Should().Contain(message);
        result.FailureMessage.Should().NotContain("short", "the key is a secret and is never quoted");
    }

    [Theory]
    [InlineData("metrics,learner:everything", "Api:Keys:ops:Scopes: must name at least one of")]
    [InlineData("", "Api:Keys:ops:Scopes: must name at least one of")]
    public void Rejects_a_key_without_scopes_or_with_one_that_does_not_exist(string scopes, string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Redis:Configuration"] = "redis:6379" }).Build();
        var keys = new Dictionary<string, ApiKeyOptions> { ["ops"] = new() { Secret = GoodKey, Scopes = [.. scopes.Split(',', StringSplitOptions.RemoveEmptyEntries)] } };

        new ApiOptionsValidator(configuration).Validate(null, new ApiOptions { Url = "http://127.0.0.1:8080", Keys = keys }).FailureMessage.Should().Contain(message);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? url, string? key, string? redis)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Redis:Configuration"] = redis }).Build();
        var keys = new Dictionary<string, ApiKeyOptions> { ["ops"] = new() { Secret = key, Scopes = ["metrics"] } };
        return new ApiOptionsValidator(configuration).Validate(null, new ApiOptions { Url = url, Keys = keys });
    }
}
