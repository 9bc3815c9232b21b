using System.Net;
using LoginGuard.Enrichment.GeoIp;
using Microsoft.Extensions.Time.Testing;

namespace LoginGuard.Core.Tests.GeoIp;

public sealed class MaxMindGeoLocatorHotSwapTests : IDisposable
{
    private static readonly IPAddress Learner = IPAddress.Parse("81.56.10.20");

    private readonly GeoIpTestDirectory _files = new();
    private readonly FakeTimeProvider _time = new();
    private long _lookups;

    [Fact]
    public async Task Serves_each_replaced_database_while_lookups_run_and_none_of_them_fails()
    {
        var path = BuildCity("city.mmdb", "Paris");
        using var locator = GeoIpLocatorFactory.Create(path, null, _time);
        using var stop = new CancellationTokenSource();
        // Own threads, so busy lookups cannot starve the thread pool this test's awaits resume on.
        var lookups = Enumerable.Range(0, 3)
            .Select(_ => Task.Factory.StartNew(() => LookUpUntil(locator, stop.Token), TaskCreationOptions.LongRunning))
            .ToList();

        string[] cities = ["Lyon", "Nantes", "Lille", "Nice", "Rennes", "Brest", "Dijon", "Metz"];
        foreach (var city in cities)
        {
            await WhileLookupsRun(count: 200);
            ReplaceByRename(path, city);
            _time.Advance(MaxMindDatabaseFile.PollInterval);
            locator.Locate(Learner).CityName.Should().Be(city);
        }

        await WhileLookupsRun(count: 200);
        await stop.CancelAsync();
        var seen = (await Task.WhenAll(lookups)).SelectMany(names => names).ToHashSet();

        seen.Should().BeEquivalentTo(["Paris", .. cities], "a lookup during a swap gets the old or the new file, never nothing");
    }

    [Fact]
    public async Task Notices_a_replaced_database_without_waiting_for_the_poll()
    {
        var path = BuildCity("city.mmdb", "Paris");
        using var locator = GeoIpLocatorFactory.Create(path, null, _time);

        ReplaceByRename(path, "Lyon");

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (locator.Locate(Learner).CityName != "Lyon" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        locator.Locate(Learner).CityName.Should().Be("Lyon");
    }

    [Fact]
    public void Keeps_serving_the_previous_database_when_the_replacement_is_not_one()
    {
        var path = BuildCity("city.mmdb", "Paris");
        using var locator = GeoIpLocatorFactory.Create(path, null, _time);

        File.WriteAllText(_files.Path("garbage.mmdb"), "this is not a MaxMind database");
        File.Move(_files.Path("garbage.mmdb"), path, overwrite: true);
        locator.Reload();
        File.Copy(_files.BuildAsn("asn.mmdb", "81.56.0.0/15,12322,Free SAS"), _files.Path("asn-as-city.mmdb"));
        File.Move(_files.Path("asn-as-city.mmdb"), path, overwrite: true);
        locator.Reload();

        locator.Locate(Learner).CityName.Should().Be("Paris");

        ReplaceByRename(path, "Lyon");
        locator.Reload();
        locator.Locate(Learner).CityName.Should().Be("Lyon");
    }

    public void Dispose() => _files.Dispose();

    private HashSet<string?> LookUpUntil(MaxMindGeoLocator locator, CancellationToken stop)
    {
        var seen = new HashSet<string?>();
        while (!stop.IsCancellationRequested)
        {
            seen.Add(locator.Locate(Learner).CityName);
            Interlocked.Increment(ref _lookups);
        }

        return seen;
    }

    private async Task WhileLookupsRun(int count)
    {
        var target = Interlocked.Read(ref _lookups) + count;
        while (Interlocked.Read(ref _lookups) < target)
        {
            await Task.Delay(1);
        }
    }

    private string BuildCity(string name, string city) =>
        _files.BuildCity(name, $"81.56.0.0/16,1,{city},,,FR,France,48.8,2.3,20,Europe/Paris");

    // geoipupdate's way: a complete new file beside the old one, renamed over it.
    private void ReplaceByRename(string path, string city) =>
        File.Move(BuildCity("next.mmdb", city), path, overwrite: true);
}
