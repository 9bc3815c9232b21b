using LoginGuard.Feedback;
using Microsoft.Extensions.Options;

namespace LoginGuard.Alerts;

/// <summary>Gives a mail its "was this you?" link when feedback is on: a sealed claim about the event it tells of.</summary>
internal sealed class ReviewLinks(FeedbackTokens tokens, IOptions<FeedbackOptions> options, TimeProvider clock)
{
    private readonly FeedbackOptions settings = options.Value;

    /// <summary>The alert with its review link, when feedback is on; unchanged otherwise.</summary>
    /// <remarks>The claim names the user and device, which only the owner knows: a link is sealed as the alert is enqueued.</remarks>
    public AddressedAlert Attach(AddressedAlert addressed)
    {
        if (!settings.IsEnabled)
        {
            return addressed;
        }

        var (alert, owner) = addressed;
        var e = alert.Event;
        var claim = new FeedbackClaim(owner.UserId, e.EventId, e.Type, e.OccurredAt, owner.DeviceId, alert.AlertId, clock.GetUtcNow() + settings.TokenLifetime);
        return addressed with { Alert = alert with { ReviewUrl = $"{settings.ReviewUrl!.TrimEnd('/')}/{tokens.Seal(claim)}" } };
    }
}
