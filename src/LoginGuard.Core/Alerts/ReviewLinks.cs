using LoginGuard.Feedback;
using Microsoft.Extensions.Options;

namespace LoginGuard.Alerts;

/// <summary>Gives a mail its "was this you?" link when feedback is on: a sealed claim about the event it tells of.</summary>
internal sealed class ReviewLinks(FeedbackTokens tokens, IOptions<FeedbackOptions> options, TimeProvider clock)
{
    private readonly FeedbackOptions settings = options.Value;

    /// <summary>The alert with its review link, when feedback is on; unchanged otherwise.</summary>
    public Alert Attach(Alert alert)
    {
        if (!settings.IsEnabled)
        {
            return alert;
        }

        var e = alert.Source.Event;
        var claim = new FeedbackClaim(e.UserId, e.EventId, e.Type, e.OccurredAt, alert.Source.Device.Id, alert.AlertId, clock.GetUtcNow() + settings.TokenLifetime);
        return alert with { ReviewUrl = $"{settings.ReviewUrl!.TrimEnd('/')}/{tokens.Seal(claim)}" };
    }
}
