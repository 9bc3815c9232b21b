using Microsoft.Extensions.Logging;

namespace LoginGuard.Enrichment;

/// <summary>Geo-IP log messages; they name database files, never looked-up addresses.</summary>
internal static partial class GeoIpLog
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Serving GeoIP database {Path} ({DatabaseType}, built {BuildDate:u}).")]
    public static partial void DatabaseLoaded(ILogger logger, string path, string databaseType, DateTime buildDate);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "The GeoIP database at {Path} changed but cannot be used; still serving the previous file. Replace it by rename with a complete .mmdb.")]
    public static partial void ReloadRejected(ILogger logger, Exception exception, string path);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Cannot watch {Path} for changes; checking it every {Interval} instead.")]
    public static partial void WatchUnavailable(ILogger logger, Exception exception, string path, TimeSpan interval);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Error, Message = "The GeoIP database at {Path} failed a lookup; the event is enriched without it.")]
    public static partial void LookupFailed(ILogger logger, Exception exception, string path);
}
