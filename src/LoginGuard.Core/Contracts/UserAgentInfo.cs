namespace LoginGuard.Contracts;

/// <summary>What a user agent says about the client; versions are majors only.</summary>
internal sealed record UserAgentInfo(
    string BrowserFamily,
    int? BrowserMajor,
    string OsFamily,
    int? OsMajor,
    DeviceType DeviceType)
{
    public const string UnknownFamily = "Unknown";

    public static UserAgentInfo Unknown { get; } = new(UnknownFamily, null, UnknownFamily, null, DeviceType.Unknown);
}
