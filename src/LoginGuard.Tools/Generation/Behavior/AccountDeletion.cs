using LoginGuard.Contracts;
using LoginGuard.Tools.Generation.People;

namespace LoginGuard.Tools.Generation.Behavior;

/// <summary>A learner who is done with the platform signs in from their usual device and deletes the account.</summary>
internal sealed class AccountDeletion(DateTimeOffset at) : Incident(at)
{
    public override void Play(Learner learner, EventLog log, Random random)
    {
        var actor = Actor.On(learner.Primary, learner.HomeAddress, learner.Locale);
        var label = Label.Benign("account-deleted");
        log.SignIn(learner, At, actor, label);
        log.Record(learner, AuthEventType.AccountDeleted, At.AddMinutes(random.Next(2, 9)), actor, label);
        learner.Deleted = true;
    }
}
