using System.Diagnostics;
using MaxMind.Db;
using MaxMind.GeoIP2;

namespace LoginGuard.Core.Tests.GeoIp;

/// <summary>Runs the real <c>loginguard-tools</c> command line, as a security engineer would.</summary>
public sealed class GeoIpCommandTests : IDisposable
{
    private readonly GeoIpTestDirectory _files = new();

    [Fact]
    public async Task Builds_a_city_database_that_maxmind_readers_open()
    {
        var csv = _files.WriteCsv("office-ranges.csv", GeoIpTestDirectory.CityHeader,
            "45.133.7.0/24,2925533,Frankfurt am Main,HE,Hesse,DE,Germany,50.1155,8.6842,5,Europe/Berlin");
        var output = _files.Path("office.mmdb");

        var run = await Tools("geoip", "build", "--kind", "city", csv, output);

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("Wrote 1 networks").And.Contain("GeoIP2-City");
        using var reader = new DatabaseReader(output, FileAccessMode.MemoryMapped);
        reader.City("45.133.7.80").City.Name.Should().Be("Frankfurt am Main");
    }

    [Fact]
    public async Task Names_the_file_and_line_of_a_bad_network_and_writes_nothing()
    {
        var csv = _files.WriteCsv("asn-ranges.csv", GeoIpTestDirectory.AsnHeader,
            "81.56.0.0/15,12322,Free SAS", "1.2.3/99,64512,Broken");
        var output = _files.Path("asn.mmdb");

        var run = await Tools("geoip", "build", "--kind", "asn", csv, output);

        run.ExitCode.Should().Be(1);
        run.Error.Trim().Should().Be("asn-ranges.csv line 3: network '1.2.3/99' is not a CIDR block");
        File.Exists(output).Should().BeFalse();
    }

    [Fact]
    public async Task Refuses_a_kind_it_cannot_build()
    {
        var csv = _files.WriteCsv("asn-ranges.csv", GeoIpTestDirectory.AsnHeader, "81.56.0.0/15,12322,Free SAS");

        var run = await Tools("geoip", "build", "--kind", "country", csv, _files.Path("x.mmdb"));

        run.ExitCode.Should().NotBe(0);
        run.Error.Should().Contain("country").And.Contain("city").And.Contain("asn");
    }

    public void Dispose() => _files.Dispose();

    private static async Task<(int ExitCode, string Output, string Error)> Tools(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "loginguard-tools.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        return (process.ExitCode, await output, await error);
    }
}
