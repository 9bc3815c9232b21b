using System.Globalization;

namespace LoginGuard.Tools.Generation.Devices;

internal enum FormFactor
{
    Computer,
    Phone,
    Tablet,
}

/// <summary>
/// A browser or app on a platform, as its user agent reads. <c>{v}</c> in <see cref="Template"/> is the
/// major version, so a device of an auto-updating kind can move from one version to the next.
/// </summary>
internal sealed record DeviceKind(FormFactor FormFactor, string Template, int Version, bool AutoUpdates, bool IsApp = false)
{
    public string UserAgent(int version) => Template.Replace("{v}", version.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
