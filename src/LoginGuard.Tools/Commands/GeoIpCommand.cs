using System.CommandLine;
using LoginGuard.Tools.GeoIp;

namespace LoginGuard.Tools.Commands;

internal static class GeoIpCommand
{
    public static Command Create()
    {
        var command = new Command("geoip", "Work with the geo-IP databases LoginGuard enriches events from.");
        command.Subcommands.Add(CreateBuild());
        return command;
    }

    private static Command CreateBuild()
    {
        var kind = new Option<string>("--kind")
        {
            Description = "Which database to build: city (GeoIP2-City schema) or asn (GeoLite2-ASN schema).",
            Required = true,
        };
        kind.AcceptOnlyFromAmong("city", "asn");
        var ranges = new Argument<FileInfo>("ranges") { Description = "CSV of networks in CIDR form with a header row." };
        ranges.AcceptExistingOnly();
        var output = new Argument<FileInfo>("output") { Description = "The .mmdb to write; an existing file is replaced by rename." };

        var command = new Command("build", "Build a MaxMind DB (.mmdb) from a ranges CSV, e.g. your VPN and office egress networks.");
        command.Options.Add(kind);
        command.Arguments.Add(ranges);
        command.Arguments.Add(output);
        command.SetAction(parseResult =>
        {
            var configuration = parseResult.InvocationConfiguration;
            var rangesFile = parseResult.GetRequiredValue(ranges);
            var outputFile = parseResult.GetRequiredValue(output);
            var databaseKind = parseResult.GetRequiredValue(kind) == "city" ? GeoIpDatabaseKind.City : GeoIpDatabaseKind.Asn;
            try
            {
                var result = GeoIpDatabaseBuilder.Build(databaseKind, rangesFile.FullName, outputFile.FullName, TimeProvider.System.GetUtcNow());
                configuration.Output.WriteLine($"Wrote {result.NetworkCount} networks to {outputFile.FullName} ({result.DatabaseType}).");
                return 0;
            }
            catch (GeoIpCsvException e)
            {
                configuration.Error.WriteLine(e.Message);
                return 1;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                configuration.Error.WriteLine($"Could not build {outputFile.FullName}: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
