namespace LoginGuard.Enrichment;

/// <summary>Settings for enrichment, bound from the <c>Enrichment</c> section.</summary>
internal sealed class EnrichmentOptions
{
    public const string SectionName = "Enrichment";

    /// <summary>The product token used when <see cref="AppProducts"/> is empty.</summary>
    public const string DefaultAppProduct = "Learnwell";

    /// <summary>
    /// Product tokens the platform's own apps put first in their user agent, as in
    /// <c>Learnwell/8.4.1 (Android 14; Pixel 8)</c>; such sign-ins read as "Learnwell app". Empty means
    /// <c>["Learnwell"]</c>: the configuration binder appends to a list it finds filled, so a default kept in
    /// the list could never be replaced.
    /// </summary>
    public IList<string> AppProducts { get; set; } = new List<string>();

    /// <summary>
    /// How many distinct user agents to remember parsed (default 10 000; 0 turns the cache off). Each entry
    /// holds a user agent of at most 512 characters, so 10 000 entries stay under about 12 MB.
    /// </summary>
    public int UserAgentCacheSize { get; set; } = 10_000;
}
