namespace LoginGuard.Alerts;

internal static class AlertIds
{
    /// <summary>
    /// An alert id becomes a file name and a Message-Id, so only the lower-case hex <see cref="Alert.IdFor"/>
    /// makes is accepted: nothing that could walk out of a directory or break a header.
    /// </summary>
    public static void ThrowIfMalformed(string alertId)
    {
        if (alertId.Length is 0 or > 64 || !alertId.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException($"Alert id must be lower-case hex as made by Alert.IdFor (was \"{alertId}\").", nameof(alertId));
        }
    }
}
