using System.Net;
using LoginGuard.Tools.Generation.Devices;

namespace LoginGuard.Tools.Generation;

/// <summary>Whoever sends a request: the learner on one of their devices, or an attacker. Locale is what the client asks for.</summary>
internal sealed record Actor(IPAddress Ip, string? UserAgent, string? DeviceId, string? Locale)
{
    public static Actor On(Device device, IPAddress ip, string locale) => new(ip, device.UserAgent, device.Cookie, locale);
}
