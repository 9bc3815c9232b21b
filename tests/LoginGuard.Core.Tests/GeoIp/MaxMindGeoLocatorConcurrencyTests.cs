using System.Net;

namespace LoginGuard.Core.Tests.GeoIp;

public sealed class MaxMindGeoLocatorConcurrencyTests : IDisposable
{
    private static readonly (string Address, string? City, long? Asn)[] Expected =
    [
        ("81.56.1.1", "Paris", 12322),
        ("81.57.1.1", "Lyon", 12322),
        ("2a01:cb00::9", "Paris", 3215),
        ("91.64.3.3", "Berlin", 3320),
        ("8.8.8.8", null, null),
        ("10.0.0.1", null, null),
    ];

    private readonly GeoIpTestDirectory _files = new();

    [Fact]
    public async Task Gives_every_thread_the_right_answer_from_one_shared_locator()
    {
        var city = _files.BuildCity("city.mmdb",
            "81.56.0.0/16,2988507,Paris,IDF,Île-de-France,FR,France,48.8534,2.3488,20,Europe/Paris",
            "81.57.0.0/16,2996944,Lyon,ARA,Auvergne-Rhône-Alpes,FR,France,45.7485,4.8467,20,Europe/Paris",
            "2a01:cb00::/32,2988507,Paris,IDF,Île-de-France,FR,France,48.8534,2.3488,20,Europe/Paris",
            "91.64.0.0/16,2950159,Berlin,BE,Land Berlin,DE,Germany,52.5244,13.4105,20,Europe/Berlin");
        var asn = _files.BuildAsn("asn.mmdb",
            "81.56.0.0/15,12322,Free SAS", "2a01:cb00::/31,3215,Orange S.A.", "91.64.0.0/15,3320,Deutsche Telekom AG");
        using var locator = GeoIpLocatorFactory.Create(city, asn);

        var wrong = await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            var mistakes = 0;
            for (var i = 0; i < 5_000; i++)
            {
                var (address, expectedCity, expectedAsn) = Expected[(i + worker) % Expected.Length];
                var location = locator.Locate(IPAddress.Parse(address));
                if (location.CityName != expectedCity || location.Asn != expectedAsn)
                {
                    mistakes++;
                }
            }

            return mistakes;
        })));

        wrong.Should().AllBeEquivalentTo(0);
    }

    public void Dispose() => _files.Dispose();
}
