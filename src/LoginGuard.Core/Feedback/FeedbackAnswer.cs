namespace LoginGuard.Feedback;

/// <summary>The learner's answer to "was this you?", and the label it gives the event for retraining.</summary>
internal enum FeedbackAnswer
{
    WasMe,
    WasNotMe,
}

internal static class FeedbackAnswers
{
    private static readonly WireNames<FeedbackAnswer> Names = new(new Dictionary<string, FeedbackAnswer>
    {
        ["was-me"] = FeedbackAnswer.WasMe,
        ["was-not-me"] = FeedbackAnswer.WasNotMe,
    });

    public static IEnumerable<string> AllWireNames => Names.All;

    public static bool TryParse(string? wireName, out FeedbackAnswer answer)
    {
        answer = default;
        return wireName is not null && Names.TryParse(wireName, out answer);
    }

    /// <summary>The label the trainer reads: the learner's own word on whether the event was theirs.</summary>
    public static string Label(this FeedbackAnswer answer) => answer == FeedbackAnswer.WasMe ? "legitimate" : "compromised";
}
