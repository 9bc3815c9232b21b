using LoginGuard.Enrichment;

namespace LoginGuard.Core.Tests.Enrichment;

public sealed class UserAgentOptionsValidatorTests
{
    private readonly EnrichmentOptionsValidator _validator = new();

    [Theory]
    [InlineData(new string[0], 10_000)]
    [InlineData(new[] { "Learnwell" }, 0)]
    [InlineData(new[] { "Learnwell", "Learnwell-Kids", "Studybuddy.Beta" }, 1_000_000)]
    public void Accepts_product_tokens_and_cache_sizes_in_range(string[] products, int cacheSize)
    {
        var result = _validator.Validate(null, new EnrichmentOptions { AppProducts = products, UserAgentCacheSize = cacheSize });

        result.Succeeded.Should().BeTrue(result.FailureMessage);
    }

    [Theory]
    [InlineData("Learnwell app", "Enrichment:AppProducts:0: must be the product token the app puts before \"/\" in its user agent, such as \"Learnwell\" (was \"Learnwell app\").")]
    [InlineData("Learnwell/8", "Enrichment:AppProducts:0:")]
    [InlineData("", "Enrichment:AppProducts:0:")]
    public void Rejects_app_products_that_cannot_start_a_user_agent(string product, string message)
    {
        var result = _validator.Validate(null, new EnrichmentOptions { AppProducts = [product] });

        result.Failures.Should().ContainSingle().Which.Should().StartWith(message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1_000_001)]
    public void Rejects_a_cache_size_out_of_range(int cacheSize)
    {
        var result = _validator.Validate(null, new EnrichmentOptions { UserAgentCacheSize = cacheSize });

        result.Failures.Should().ContainSingle()
            .Which.Should().Be($"Enrichment:UserAgentCacheSize: must be between 0 (no cache) and 1000000 (was {cacheSize}).");
    }

    [Fact]
    public void Rejects_every_bad_setting_at_once()
    {
        var result = _validator.Validate(null, new EnrichmentOptions { AppProducts = ["ok", "not ok", "(x)"], UserAgentCacheSize = -5 });

        result.Failures.Should().HaveCount(3);
    }
}
