using LoginGuard.Alerts;
using LoginGuard.Contracts;

namespace LoginGuard.Worker.Replay;

/// <summary>One line about a mail the replay queued: enough to see what a learner would be told, and about what.</summary>
internal sealed record MailPreview(DateTimeOffset At, AlertKind Kind, string UserId, string Device, string Place)
{
    public const int Shown = 15;

    /// <param name="userId">Whose mail it is: the decision's user, which the alert does not carry.</param>
    public static MailPreview Of(Alert mail, string userId)
    {
        var place = mail.Event.Place;
        var shown = place.CityName is { } city ? $"{city}, {place.CountryIso}" : place.CountryIso ?? "unknown place";
        return new MailPreview(mail.Event.OccurredAt, mail.Kind, userId, mail.Event.Device, shown);
    }
}
