using MaxMind.Db;
using Microsoft.Extensions.Options;

namespace LoginGuard.Enrichment.GeoIp;

/// <summary>
/// Opens each configured database once at start-up so a wrong path or a swapped City/ASN file
/// stops the worker with every problem named, instead of enriching nothing in silence.
/// </summary>
internal sealed class GeoIpOptionsValidator : IValidateOptions<GeoIpOptions>
{
    public ValidateOptionsResult Validate(string? name, GeoIpOptions options)
    {
        var errors = new List<string>();
        Check(options.CityDatabasePath, MaxMindDatabaseKind.City, errors);
        Check(options.AsnDatabasePath, MaxMindDatabaseKind.Asn, errors);
        Check(options.OverlayDatabasePath, MaxMindDatabaseKind.Overlay, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Check(string? path, MaxMindDatabaseKind kind, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        var fix = $"Point it at a {kind.Example} .mmdb or leave it empty to run without {kind.RunsWithout}.";
        if (!File.Exists(path))
        {
            errors.Add($"{kind.OptionKey}: file '{path}' does not exist. {fix}");
            return;
        }

        try
        {
            using var reader = new Reader(path, FileAccessMode.MemoryMapped);
            var type = reader.Metadata.DatabaseType;
            if (!kind.Accepts(type))
            {
                errors.Add($"{kind.OptionKey}: '{path}' is a {type} database, not {kind.Example}. {fix}");
            }
        }
        catch (Exception e) when (e is InvalidDatabaseException or IOException or UnauthorizedAccessException)
        {
            errors.Add($"{kind.OptionKey}: '{path}' cannot be opened as a MaxMind database ({e.Message}). {fix}");
        }
    }
}
