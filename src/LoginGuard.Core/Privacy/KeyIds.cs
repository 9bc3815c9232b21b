namespace LoginGuard.Privacy;

/// <summary>
/// The ids keys carry so they can be rotated: short, and made of characters that need no escaping in a URL path,
/// a Redis key or a log line, and never the separator a token puts after its id.
/// </summary>
internal static class KeyIds
{
    public const string Rule = "must be 1 to 16 letters, digits, '-' or '_'";

    public static bool IsValid(string? id) =>
        id is { Length: > 0 and <= 16 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
