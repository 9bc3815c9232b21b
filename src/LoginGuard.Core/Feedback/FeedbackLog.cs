using Microsoft.Extensions.Logging;

namespace LoginGuard.Feedback;

internal static partial class FeedbackLog
{
    [LoggerMessage(EventIds.FeedbackTaken, LogLevel.Information, "Learner {Learner} labelled event {EventId} {Label}")]
    public static partial void Taken(ILogger logger, string learner, string eventId, string label);
}
