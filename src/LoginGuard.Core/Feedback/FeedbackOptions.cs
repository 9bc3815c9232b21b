namespace LoginGuard.Feedback;

/// <summary>
/// The "was this you?" answer from an alert mail (section <c>Feedback</c>). Off unless <see cref="TokenKey"/>
/// and <see cref="ReviewUrl"/> are set; then each mail's one link is the review page with a token in its path.
/// </summary>
internal sealed class FeedbackOptions
{
    public const string Section = "Feedback";

    /// <summary>The smallest key AES-256-GCM takes.</summary>
    public const int KeyBytes = 32;

    /// <summary>
    /// Base64 of 32 random bytes (<c>openssl rand -base64 32</c>) that seals the tokens: AES-256-GCM, so a token
    /// can be neither forged nor read (it names the account). Every instance needs the same key.
    /// </summary>
    public string? TokenKey { get; set; }

    /// <summary>
    /// The id of <see cref="TokenKey"/>, written in front of every token it seals (letters, digits, <c>-</c>,
    /// <c>_</c>; at most 16). Rotation: move the old key under <see cref="PreviousTokenKeys"/> with its id, set a new
    /// key with a new id; links already mailed keep opening until they expire, new ones use the new key.
    /// </summary>
    public string TokenKeyId { get; set; } = "1";

    /// <summary>Keys that no longer seal but still open the tokens they sealed, by id; drop one after <see cref="TokenLifetime"/>.</summary>
    public Dictionary<string, string> PreviousTokenKeys { get; set; } = [];

    /// <summary>
    /// The platform's page that asks the learner "was this you?" and posts the answer to <c>/v1/feedback</c>, e.g.
    /// <c>https://learnwell.example/account/security/review</c>. The mail links to it with <c>/&lt;token&gt;</c>
    /// appended: the link carries only the token and the page asks for nothing but the answer.
    /// </summary>
    public string? ReviewUrl { get; set; }

    /// <summary>How long after the mail the learner may still answer.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long answers are kept as labels for retraining the model.</summary>
    public TimeSpan LabelRetention { get; set; } = TimeSpan.FromDays(180);

    /// <summary>Most labels kept; the oldest go first.</summary>
    public int MaxLabels { get; set; } = 100_000;

    /// <summary>Where a "this wasn't me" goes for the platform to act on (sign out everywhere, force a reset); empty: <c>Kafka:DecisionsTopic</c>.</summary>
    public string? CompromiseTopic { get; set; }

    /// <summary>How "wasn't me" reports wait for Kafka and are sent.</summary>
    public ReportRelayOptions Reports { get; set; } = new();

    public bool IsEnabled => !string.IsNullOrEmpty(TokenKey) && !string.IsNullOrEmpty(ReviewUrl);
}
