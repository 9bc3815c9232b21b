using LoginGuard.Tools.Generation.People;

namespace LoginGuard.Tools.Generation.Attacks;

/// <summary>
/// The learner signs in at home as usual, and minutes later someone signs in thousands of kilometres
/// away: no flight is that fast. The home sign-in is the learner's and is labelled normal.
/// </summary>
internal sealed class ImpossibleTravel(DateTimeOffset at, AttackerActors attackers) : Incident(at)
{
    public override void Play(Learner learner, EventLog log, Random random)
    {
        log.SignIn(learner, At, Actor.On(learner.Primary, learner.HomeAddress, learner.Locale), Label.Normal);
        var attacker = attackers.Abroad(learner, random, minKm: 3000);
        var farAway = At.AddMinutes(random.Next(4, 40)).AddSeconds(random.Next(60));
        log.SignIn(learner, farAway, attacker, Label.AttackBy("impossible-travel"));
        TakeoverAftermath.Play(learner, farAway, attacker, log, random, thorough: false);
    }
}
