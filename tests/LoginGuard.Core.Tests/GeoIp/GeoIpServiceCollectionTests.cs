using LoginGuard.Enrichment.GeoIp;
using LoginGuard.Worker.Api;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LoginGuard.Core.Tests.GeoIp;

public sealed class GeoIpServiceCollectionTests : IDisposable
{
    private readonly GeoIpTestDirectory _files = new();

    [Fact]
    public void Runs_without_geo_when_no_database_is_configured_and_warns_the_operator()
    {
        using var provider = Build([]);

        provider.GetRequiredService<IStartupValidator>().Validate();
        provider.GetRequiredService<IGeoLocator>().Should().BeOfType<GeoIpDisabledLocator>();
        provider.GetFakeLogCollector().GetSnapshot().Should().ContainSingle(r =>
            r.Level == LogLevel.Warning && r.Message.Contains("GeoIp:CityDatabasePath", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reports_readiness_degraded_without_geo_and_healthy_with_it()
    {
        var city = _files.BuildCity("city.mmdb", "81.56.0.0/16,2988507,Paris,IDF,Île-de-France,FR,France,48.8534,2.3488,20,Europe/Paris");

        var without = await new GeoIpHealthCheck(Options.Create(new GeoIpOptions())).CheckHealthAsync(new HealthCheckContext());
        var with = await new GeoIpHealthCheck(Options.Create(new GeoIpOptions { CityDatabasePath = city })).CheckHealthAsync(new HealthCheckContext());

        without.Status.Should().Be(HealthStatus.Degraded);
        without.Description.Should().Contain("location rules never fire");
        with.Status.Should().Be(HealthStatus.Healthy);
    }

    [Fact]
    public void Locates_with_maxmind_when_a_city_database_is_configured()
    {
        var city = _files.BuildCity("city.mmdb", "81.56.0.0/16,2988507,Paris,IDF,Île-de-France,FR,France,48.8534,2.3488,20,Europe/Paris");
        using var provider = Build(new() { ["GeoIp:CityDatabasePath"] = city });

        provider.GetRequiredService<IStartupValidator>().Validate();
        var locator = provider.GetRequiredService<IGeoLocator>();

        locator.Should().BeOfType<MaxMindGeoLocator>();
        locator.Locate(System.Net.IPAddress.Parse("81.56.0.9")).CityName.Should().Be("Paris");
    }

    [Fact]
    public void Stops_start_up_when_a_configured_database_is_missing()
    {
        using var provider = Build(new() { ["GeoIp:CityDatabasePath"] = _files.Path("missing.mmdb") });

        var start = () => provider.GetRequiredService<IStartupValidator>().Validate();

        start.Should().Throw<OptionsValidationException>().WithMessage("*GeoIp:CityDatabasePath: file '*missing.mmdb' does not exist.*");
    }

    public void Dispose() => _files.Dispose();

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddFakeLogging().AddGeoIp(configuration).BuildServiceProvider();
    }
}
