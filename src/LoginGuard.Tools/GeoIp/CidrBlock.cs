using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace LoginGuard.Tools.GeoIp;

/// <summary>Strict CIDR parsing: a network a security engineer typed must mean exactly one block.</summary>
internal static class CidrBlock
{
    /// <summary>Returns null and a problem phrased for the CSV author when the text is not a usable block.</summary>
    public static IPNetwork? Parse(string text, out string? problem)
    {
        problem = null;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0
            || !TryParseAddress(text[..slash], out var address)
            || !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var prefixLength)
            || prefixLength > MaximumPrefixLength(address))
        {
            problem = $"network '{text}' is not a CIDR block";
            return null;
        }

        // A reader walks the tree at least one bit deep, so ::/0 would silently match nothing.
        if (prefixLength == 0 && address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            problem = $"network '{text}' covers every IPv6 address; list narrower networks";
            return null;
        }

        var network = new IPNetwork(Mask(address, prefixLength), prefixLength);
        if (!network.BaseAddress.Equals(address))
        {
            problem = $"network '{text}' has host bits set; did you mean '{network}'?";
            return null;
        }

        return network;
    }

    // IPAddress.TryParse accepts legacy forms such as "1.2.3" (read as 1.2.0.3); a CSV typo must not.
    private static bool TryParseAddress(string text, out IPAddress address)
    {
        address = IPAddress.None;
        if (!IPAddress.TryParse(text, out var parsed) || text.Contains('%', StringComparison.Ordinal))
        {
            return false;
        }

        if (parsed.AddressFamily == AddressFamily.InterNetwork && text.Count(c => c == '.') != 3)
        {
            return false;
        }

        address = parsed;
        return true;
    }

    private static int MaximumPrefixLength(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;

    private static IPAddress Mask(IPAddress address, int prefixLength)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(prefixLength - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }

        return new IPAddress(bytes);
    }
}
