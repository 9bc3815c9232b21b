using System.Globalization;

namespace LoginGuard.Alerts.Content;

/// <summary>The texts a learner reads and the culture their dates are written in, chosen from the event's locale.</summary>
internal sealed record AlertLanguage(AlertTexts Texts, CultureInfo Culture)
{
    private static readonly Dictionary<string, AlertTexts> ByPrimaryTag = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = AlertTexts.English,
        ["es"] = AlertTexts.Spanish,
        ["fr"] = AlertTexts.French,
        ["de"] = AlertTexts.German,
        ["pt"] = AlertTexts.BrazilianPortuguese,
    };

    public static IReadOnlyCollection<AlertTexts> All { get; } = [.. ByPrimaryTag.Values];

    /// <summary>
    /// Picks texts by the primary language subtag ("fr-CA" reads French, any "pt" reads Brazilian Portuguese)
    /// and keeps the learner's own region for dates when the platform knows it; anything else reads English.
    /// </summary>
    public static AlertLanguage For(string? locale)
    {
        var tag = locale?.Trim().Replace('_', '-') ?? "";
        var primary = tag.Split('-', 2)[0];
        if (!ByPrimaryTag.TryGetValue(primary, out var texts))
        {
            return new(AlertTexts.English, CultureInfo.GetCultureInfo(AlertTexts.English.Language));
        }

        return new(texts, RegionalCulture(tag) ?? CultureInfo.GetCultureInfo(texts.Language));
    }

    private static CultureInfo? RegionalCulture(string tag)
    {
        if (!tag.Contains('-', StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            return CultureInfo.GetCultureInfo(tag, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }
}
