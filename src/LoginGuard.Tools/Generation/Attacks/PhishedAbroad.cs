using LoginGuard.Tools.Generation.People;

namespace LoginGuard.Tools.Generation.Attacks;

/// <summary>
/// Credentials taken by a phishing page, used from abroad on a new device. A relaying phishing kit
/// passes the MFA prompt too, so the first attempt succeeds and the attacker gets to work at once.
/// </summary>
internal sealed class PhishedAbroad(DateTimeOffset at, AttackerActors attackers) : Incident(at)
{
    public override void Play(Learner learner, EventLog log, Random random)
    {
        var attacker = attackers.Abroad(learner, random, minKm: 1500);
        log.SignIn(learner, At, attacker, Label.AttackBy("phished-abroad"));
        TakeoverAftermath.Play(learner, At, attacker, log, random, thorough: true);
    }
}
