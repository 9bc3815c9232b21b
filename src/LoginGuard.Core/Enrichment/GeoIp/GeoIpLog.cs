using Microsoft.Extensions.Logging;

namespace LoginGuard.Enrichment.GeoIp;

/// <summary>Geo-IP log messages; they name database files, never looked-up addresses.</summary>
internal static partial class GeoIpLog
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Serving GeoIP database {Path} ({DatabaseType}, built {BuildDate:u}).")]
    public static partial void DatabaseLoaded(ILogger logger, string path, string databaseType, DateTime buildDate);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "The GeoIP database at {Path} changed but cannot be used; still serving the previous file. Replace it by rename with a complete .mmdb.")]
    public static partial void ReloadRejected(ILogger logger, Exception exception, string path);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Cannot watch {Path} for changes; checking it every {Interval} instead.")]
    public static partial void WatchUnavailable(ILogger logger, Exception exception, string path, TimeSpan interval);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Warning, Message = "No GeoIP database is configured (GeoIp:CityDatabasePath, GeoIp:AsnDatabasePath): new-country, far-from-usual-places and impossible-travel never fire, and mails name no place. Point both at GeoLite2 City and ASN files.")]
    public static partial void NotConfigured(ILogger logger);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Error, Message = "The GeoIP database at {Path} failed a lookup; the event is enriched without it.")]
    public static partial void LookupFailed(ILogger logger, Exception exception, string path);
}
