using LoginGuard.Tools.Training;

namespace LoginGuard.Core.Tests.GeoIp;

/// <summary>train and evaluate take the geo databases a team has, named as geoipupdate names them.</summary>
public sealed class GeoIpFilesTests : IDisposable
{
    private readonly GeoIpTestDirectory _files = new();

    [Fact]
    public void Finds_the_city_and_asn_databases_by_what_they_are_not_by_their_names()
    {
        var city = _files.BuildCity("GeoLite2-City.mmdb", "81.56.0.0/16,2988507,Paris,IDF,Île-de-France,FR,France,48.8534,2.3488,20,Europe/Paris");
        var asn = _files.BuildAsn("GeoLite2-ASN.mmdb", "81.56.0.0/15,12322,Free SAS");
        var problems = new List<string>();

        var fromFiles = GeoIpFiles.Find([asn, city], problems);
        var fromFolder = GeoIpFiles.Find([_files.Root], problems);

        problems.Should().BeEmpty();
        fromFiles.Should().Be(new GeoIpFiles(city, asn));
        fromFolder.Should().Be(new GeoIpFiles(city, asn));
    }

    [Fact]
    public void Refuses_two_city_databases_a_missing_file_and_no_city_at_all_saying_which()
    {
        var paris = _files.BuildCity("paris.mmdb", "81.56.0.0/16,2988507,Paris,IDF,Île-de-France,FR,France,48.8534,2.3488,20,Europe/Paris");
        var lyon = _files.BuildCity("lyon.mmdb", "81.57.0.0/16,2996944,Lyon,ARA,Auvergne-Rhône-Alpes,FR,France,45.7485,4.8467,20,Europe/Paris");
        var asn = _files.BuildAsn("asn.mmdb", "81.56.0.0/15,12322,Free SAS");
        var twoCities = new List<string>();
        var missing = new List<string>();
        var noCity = new List<string>();

        GeoIpFiles.Find([paris, lyon], twoCities);
        GeoIpFiles.Find([paris, _files.Path("gone.mmdb")], missing);
        GeoIpFiles.Find([asn], noCity);

        twoCities.Should().ContainSingle().Which.Should().Contain("two City databases");
        missing.Should().ContainSingle().Which.Should().Contain("gone.mmdb' does not exist");
        noCity.Should().ContainSingle().Which.Should().Contain("no City database found");
    }

    public void Dispose() => _files.Dispose();
}
