using System.Text.Json.Nodes;

namespace LoginGuard.Privacy;

/// <summary>
/// A store that keeps data about learners, in either backend: it exports its part about one learner and forgets it,
/// so a learner's export and erasure go store by store and no store reads another's keys. What a store keeps under
/// keys of its own but can only find through another's records (an event's owner, a mail an event owed) it is told
/// in two steps: every store first says what it knows of the learner (<see cref="MentionsAsync"/>), then each
/// exports or forgets given all of it.
/// </summary>
internal interface ILearnerData
{
    /// <summary>
    /// Whether others find their part of the learner through what this store mentions. Such a store forgets after the
    /// others, so an erasure cut short finds the same parts again when it is repeated. Most stores mention nothing.
    /// </summary>
    bool ForgetsLast => false;

    /// <summary>The events and mails of the learner this store knows of, for the stores that file them by those ids.</summary>
    Task<LearnerMentions> MentionsAsync(DataSubject learner, CancellationToken cancellationToken) => Task.FromResult(LearnerMentions.None);

    /// <summary>This store's sections of the learner's export, each under a name that stays the same from version to version.</summary>
    Task<JsonObject> ExportAsync(DataSubject learner, LearnerMentions mentions, CancellationToken cancellationToken);

    /// <summary>Forgets everything this store keeps of the learner. Idempotent: forgetting twice, or someone never seen, is harmless.</summary>
    Task ForgetAsync(DataSubject learner, LearnerMentions mentions, CancellationToken cancellationToken);
}
