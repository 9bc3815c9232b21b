using System.Globalization;
using System.Text;

namespace LoginGuard.Tools.Generation.Devices;

/// <summary>
/// Device cookies as the platform's clients mint them: a uuid in the browser, the vendor id in the iOS
/// app (an upper-case uuid) and the Android app (16 hex digits, like ANDROID_ID).
/// </summary>
internal static class DeviceCookies
{
    public static string New(DeviceKind kind, Random random)
    {
        if (kind.IsApp && kind.UserAgent(kind.Version).Contains("Android", StringComparison.Ordinal))
        {
            return Hex(random, 8);
        }

        var uuid = Hex(random, 16).Insert(20, "-").Insert(16, "-").Insert(12, "-").Insert(8, "-");
        return kind.IsApp ? uuid.ToUpperInvariant() : uuid;
    }

    public static string Hex(Random random, int byteCount)
    {
        var bytes = new byte[byteCount];
        random.NextBytes(bytes);
        var builder = new StringBuilder(byteCount * 2);
        foreach (var b in bytes)
        {
            builder.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
