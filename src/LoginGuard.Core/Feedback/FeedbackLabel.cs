namespace LoginGuard.Feedback;

/// <summary>One learner-given label: which event, filed under which learner hash, what they said, when.</summary>
internal sealed record FeedbackLabel(string Learner, string EventId, string Label, DateTimeOffset At);
