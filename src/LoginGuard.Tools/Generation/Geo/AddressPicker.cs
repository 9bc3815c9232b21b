using System.Net;

namespace LoginGuard.Tools.Generation.Geo;

/// <summary>Draws host addresses from a network with the seeded random, so the same seed gives the same IPs.</summary>
internal static class AddressPicker
{
    public static IPAddress Pick(IPNetwork network, Random random)
    {
        var bytes = network.BaseAddress.GetAddressBytes();
        for (var bit = network.PrefixLength; bit < bytes.Length * 8; bit++)
        {
            if (random.Next(2) == 1)
            {
                bytes[bit / 8] |= (byte)(0x80 >> (bit % 8));
            }
        }

        // Network and broadcast-looking last octets are never handed to a subscriber.
        if (bytes.Length == 4 && bytes[3] is 0 or 255)
        {
            bytes[3] = (byte)random.Next(1, 255);
        }

        return new IPAddress(bytes);
    }

    /// <summary>One of the first <paramref name="poolSize"/> host addresses of an IPv4 network: a carrier-grade NAT's shared pool.</summary>
    public static IPAddress PickFromPool(IPNetwork network, int poolSize, Random random)
    {
        var bytes = network.BaseAddress.GetAddressBytes();
        var host = random.Next(1, poolSize + 1);
        bytes[^1] = (byte)(bytes[^1] + (host & 0xFF));
        bytes[^2] = (byte)(bytes[^2] + (host >> 8));
        return new IPAddress(bytes);
    }
}
