using static LoginGuard.Enrichment.UserAgents.UserAgentFamilies;

using LoginGuard.Contracts;

namespace LoginGuard.Enrichment.UserAgents;

/// <summary>Tells phones, tablets and computers apart once the operating system is known.</summary>
internal static class UserAgentDevices
{
    public static DeviceType TypeOf(ReadOnlySpan<char> userAgent, string osFamily, string browserFamily) => osFamily switch
    {
        Ios => DeviceType.Mobile,
        IPadOs => DeviceType.Tablet,

        // Android browsers mark phones with "Mobile" and leave it out on tablets; other clients follow no
        // such convention, so its absence says nothing about them.
        Android when userAgent.Contains("Mobile", StringComparison.Ordinal) => DeviceType.Mobile,
        Android => browserFamily == UserAgentInfo.UnknownFamily ? DeviceType.Unknown : DeviceType.Tablet,
        UserAgentFamilies.Windows or MacOs or Linux or ChromeOs => DeviceType.Desktop,
        _ => userAgent.Contains("Mobi", StringComparison.Ordinal) ? DeviceType.Mobile : DeviceType.Unknown,
    };
}
