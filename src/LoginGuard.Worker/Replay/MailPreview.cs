using LoginGuard.Contracts;

namespace LoginGuard.Worker.Replay;

/// <summary>One line about a mail the replay queued: enough to see what a learner would be told, and about what.</summary>
internal sealed record MailPreview(DateTimeOffset At, AlertKind Kind, string UserId, string Device, string Place)
{
    public const int Shown = 15;

    public static MailPreview Of(AlertKind kind, EnrichedEvent enriched)
    {
        var geo = enriched.Geo;
        var place = geo.CityName is { } city ? $"{city}, {geo.CountryIso}" : geo.CountryIso ?? "unknown place";
        return new MailPreview(enriched.Event.OccurredAt, kind, enriched.Event.UserId, enriched.Device.Description, place);
    }
}
