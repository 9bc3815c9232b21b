using System.Globalization;
using System.Text;

namespace LoginGuard.Alerts.Content;

/// <summary>
/// Cleans a value that came from outside (a display name, a device description, a place name) before it is
/// put in a header or a sentence: line breaks could start a header or fake a paragraph, and invisible
/// format characters (bidi overrides, zero-width marks) can make text read differently from what it is.
/// </summary>
internal static class SafeText
{
    /// <summary>Long enough for any real name or device; a longer one is someone writing a message in it.</summary>
    public const int MaxLength = 80;

    /// <summary>The longest address SMTP carries (RFC 5321 path limit).</summary>
    public const int MaxAddressLength = 254;

    public static string Clean(string? value, int maxLength = MaxLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var rune in value.EnumerateRunes())
        {
            if (IsInvisible(rune))
            {
                continue;
            }

            if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(rune.ToString());
        }

        return Truncate(builder.ToString(), maxLength);
    }

    // Dropped rather than turned into a space: they separate nothing a reader can see.
    private static bool IsInvisible(Rune rune) => Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse;

    private static string Truncate(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
        return string.Concat(text.AsSpan(0, cut).TrimEnd(), "…");
    }
}
