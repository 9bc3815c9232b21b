using LoginGuard.Contracts;
using LoginGuard.Tools.Generation.People;

namespace LoginGuard.Tools.Generation.Behavior;

/// <summary>
/// The learner's side of a takeover: their password no longer works, they reset it (support restores the
/// address the attacker replaced), sign in and turn MFA back on.
/// </summary>
internal static class Recovery
{
    public static void Play(Learner learner, DateTimeOffset at, Actor actor, EventLog log, Random random)
    {
        var label = Label.Benign("account-recovery");
        if (learner.PasswordStolen)
        {
            for (var attempt = random.Next(1, 3); attempt > 0; attempt--)
            {
                log.Failure(learner, at, actor, label, FailureReason.BadPassword);
                at = at.AddSeconds(random.Next(15, 60));
            }

            at = at.AddMinutes(random.Next(3, 12));
        }

        if (learner.EmailStolen)
        {
            var attackersAddress = learner.Email;
            learner.Email = learner.OriginalEmail;
            log.EmailChanged(learner, attackersAddress, at, actor, label);
            at = at.AddMinutes(random.Next(1, 4));
        }

        if (learner.PasswordStolen)
        {
            log.Record(learner, AuthEventType.PasswordReset, at, actor, label);
            at = at.AddMinutes(random.Next(1, 4));
        }

        log.SignIn(learner, at, actor, label);
        if (learner.MfaStolen)
        {
            learner.MfaEnabled = true;
            log.Record(learner, AuthEventType.MfaEnabled, at.AddMinutes(random.Next(2, 6)), actor, label);
        }

        learner.PasswordStolen = learner.EmailStolen = learner.MfaStolen = false;
    }
}
