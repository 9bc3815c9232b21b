using LoginGuard.Contracts;
using LoginGuard.Tools.Generation.People;

namespace LoginGuard.Tools.Generation;

/// <summary>Collects what happened to accounts, filling in what the platform knows about the account at that moment.</summary>
internal sealed class EventLog
{
    private readonly List<DraftEvent> events = [];

    public IReadOnlyList<DraftEvent> Events => events;

    public void Add(DraftEvent draft) => events.Add(draft);

    public void SignIn(Learner learner, DateTimeOffset at, Actor actor, Label label, bool? mfaUsed = null) =>
        Record(learner, AuthEventType.LoginSucceeded, at, actor, label, mfaUsed: mfaUsed ?? learner.MfaEnabled);

    public void Failure(Learner learner, DateTimeOffset at, Actor actor, Label label, FailureReason reason) =>
        Record(learner, AuthEventType.LoginFailed, at, actor, label, reason, reason == FailureReason.MfaFailed ? true : null);

    public void Record(
        Learner learner, AuthEventType type, DateTimeOffset at, Actor actor, Label label, FailureReason? reason = null, bool? mfaUsed = null) =>
        events.Add(new DraftEvent(at, type, learner.UserId, actor, learner.Email, learner.DisplayName, reason, mfaUsed, label));

    /// <summary>The account service knows both addresses at the moment of the change; the old one is told too.</summary>
    public void EmailChanged(Learner learner, string previousEmail, DateTimeOffset at, Actor actor, Label label) =>
        events.Add(new DraftEvent(at, AuthEventType.EmailChanged, learner.UserId, actor, learner.Email, learner.DisplayName, null, null, label, previousEmail));
}
