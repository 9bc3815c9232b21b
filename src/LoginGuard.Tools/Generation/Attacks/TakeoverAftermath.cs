using LoginGuard.Contracts;
using LoginGuard.Tools.Generation.People;

namespace LoginGuard.Tools.Generation.Attacks;

/// <summary>
/// What an attacker does minutes after getting in: lock the owner out by changing the password, drop
/// MFA, and move the account to an address they control. Each step is an attack event of its own.
/// </summary>
internal static class TakeoverAftermath
{
    public static void Play(Learner learner, DateTimeOffset signedInAt, Actor attacker, EventLog log, Random random, bool thorough)
    {
        var at = signedInAt;
        if (thorough || random.NextDouble() < 0.75)
        {
            at = at.AddMinutes(random.Next(1, 5)).AddSeconds(random.Next(60));
            log.Record(learner, AuthEventType.PasswordChanged, at, attacker, Label.AttackBy("post-takeover-password-change"));
            learner.PasswordStolen = true;
        }

        if (learner.MfaEnabled)
        {
            at = at.AddMinutes(random.Next(1, 4)).AddSeconds(random.Next(60));
            learner.MfaEnabled = false;
            learner.MfaStolen = true;
            log.Record(learner, AuthEventType.MfaDisabled, at, attacker, Label.AttackBy("post-takeover-mfa-disabled"));
        }

        if (thorough || random.NextDouble() < 0.5)
        {
            at = at.AddMinutes(random.Next(1, 6)).AddSeconds(random.Next(60));
            var learnersAddress = learner.Email;
            learner.Email = $"{EmailAddresses.Fold(learner.DisplayName.Split(' ')[0])}.{random.Next(1000, 9999)}@example.net";
            learner.EmailStolen = true;
            log.EmailChanged(learner, learnersAddress, at, attacker, Label.AttackBy("post-takeover-email-changed"));
        }
    }
}
