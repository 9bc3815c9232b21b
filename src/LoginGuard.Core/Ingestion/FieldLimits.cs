namespace LoginGuard.Ingestion;

/// <summary>
/// How long the free-text fields may be. Fields the client sends (its user agent, its device cookie) are cut
/// to length: an attacker controls them, and rejecting the event would keep their sign-in from being scored.
/// Fields the platform fills from the account (addresses, the name) are rejected when too long: a producer bug
/// to fix, and a cut address would send mail to someone else.
/// </summary>
internal static class FieldLimits
{
    /// <summary>Real browsers' and apps' user agents stay well under this; the parser reads only their first tokens.</summary>
    public const int UserAgent = 512;

    public const int DeviceId = 128;

    /// <summary>RFC 5321's limit on a forward path: a longer address cannot be delivered to.</summary>
    public const int Email = 254;

    public const int DisplayName = 256;

    /// <summary>The value cut to <paramref name="max"/> characters, never between the halves of a surrogate pair.</summary>
    public static string? Cut(string? value, int max)
    {
        if (value is null || value.Length <= max)
        {
            return value;
        }

        return value[..(char.IsHighSurrogate(value[max - 1]) ? max - 1 : max)];
    }
}
