using LoginGuard.Tools.Generation.People;

namespace LoginGuard.Tools.Generation.Attacks;

/// <summary>A takeover that looks local: same country, the victim's own user agent, only a device cookie never seen before.</summary>
internal sealed class SameCountryTakeover(DateTimeOffset at, AttackerActors attackers) : Incident(at)
{
    public override void Play(Learner learner, EventLog log, Random random)
    {
        var attacker = attackers.Lookalike(learner, random);
        log.SignIn(learner, At, attacker, Label.AttackBy("same-country-takeover"));
        TakeoverAftermath.Play(learner, At, attacker, log, random, thorough: false);
    }
}
