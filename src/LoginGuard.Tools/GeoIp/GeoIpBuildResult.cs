namespace LoginGuard.Tools.GeoIp;

/// <summary>What a build wrote, for the command to report.</summary>
internal sealed record GeoIpBuildResult(string DatabaseType, int NetworkCount);
