using System.Net;
using System.Net.Sockets;

namespace LoginGuard.Contracts;

/// <summary>
/// Partly hides addresses in a mail: enough for learners to recognise their own network or mailbox,
/// not enough to be useful to whoever else reads the mail. Kept with the contracts because a
/// <see cref="MailedEvent"/> holds its address already cut (<see cref="Network"/>), whoever builds it.
/// </summary>
internal static class Masking
{
    /// <summary>
    /// IPv4 keeps the first three octets ("203.0.113.x"): the /24 that tells a learner "my provider, my office".
    /// IPv6 keeps the first three hextets ("2001:db8:85a3:x:x:x:x:x"): the /48 a site is usually given.
    /// Every hidden group is spelled out as "x" because "::" would claim zeros that are not there.
    /// </summary>
    public static string Ip(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return $"{bytes[0]}.{bytes[1]}.{bytes[2]}.x";
        }

        var kept = Enumerable.Range(0, 3).Select(i => ((bytes[2 * i] << 8) | bytes[(2 * i) + 1]).ToString("x"));
        return string.Join(':', kept.Concat(Enumerable.Repeat("x", 5)));
    }

    /// <summary>
    /// The address with every hidden group zeroed: what an alert carries and the outbox keeps, so neither holds more
    /// of the address than the mail shows (<see cref="Ip"/> of it reads the same as of the original).
    /// </summary>
    public static IPAddress Network(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        var kept = address.AddressFamily == AddressFamily.InterNetwork ? 3 : 6;
        Array.Clear(bytes, kept, bytes.Length - kept);
        return new IPAddress(bytes);
    }

    /// <summary>"jane.doe@example.com" becomes "j***@example.com": the domain stays so the learner can tell whose it is.</summary>
    public static string Email(string address)
    {
        var at = address.LastIndexOf('@');
        if (at < 1)
        {
            return "***";
        }

        return string.Concat(address.AsSpan(0, 1), "***", address.AsSpan(at));
    }
}
