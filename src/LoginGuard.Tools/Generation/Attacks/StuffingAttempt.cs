using LoginGuard.Contracts;
using LoginGuard.Tools.Generation.People;

namespace LoginGuard.Tools.Generation.Attacks;

/// <summary>
/// One line of a combo list tried against one learner. Most passwords in the list are stale; MFA stops
/// the ones that match; a learner who reused their password and has no MFA is taken over.
/// </summary>
internal sealed class StuffingAttempt(DateTimeOffset at, Actor bot, bool passwordReused) : Incident(at)
{
    public override void Play(Learner learner, EventLog log, Random random)
    {
        var label = Label.AttackBy("credential-stuffing");
        if (learner.Deleted)
        {
            log.Failure(learner, At, bot, label, FailureReason.UnknownUser);
        }
        else if (!passwordReused)
        {
            log.Failure(learner, At, bot, label, FailureReason.BadPassword);
        }
        else if (learner.MfaEnabled)
        {
            log.Failure(learner, At, bot, label, FailureReason.MfaFailed);
        }
        else
        {
            log.SignIn(learner, At, bot, label);
            TakeoverAftermath.Play(learner, At, bot, log, random, thorough: false);
        }
    }
}
