using LoginGuard.Tools.Generation.Devices;
using LoginGuard.Tools.Generation.People;

namespace LoginGuard.Tools.Generation.Attacks;

/// <summary>
/// Takeovers the training profile never plays (<see cref="Profiles.ShiftedProfiles.Tactics"/>): the attacker copies
/// the victim's user agent and device type and signs in at the victim's usual hour, through a residential proxy in
/// the victim's own city on the victim's own ISP, on the victim's mobile carrier, or from abroad. Only a device
/// cookie never seen before, and where it signs in from, give them away.
/// </summary>
internal sealed class CopiedTakeover(DateTimeOffset at, AttackerActors attackers, CopiedTakeover.Tactic tactic) : Incident(at)
{
    public enum Tactic
    {
        HomeIspProxy,
        OnTheCarrier,
        Abroad,
    }

    public override void Play(Learner learner, EventLog log, Random random)
    {
        var phone = learner.ActiveDevices.FirstOrDefault(d => d.Kind.FormFactor == FormFactor.Phone);
        var (copied, range, scenario) = tactic switch
        {
            // The victim's home range is their own city on their own ISP: a residential proxy rented there.
            Tactic.HomeIspProxy => (learner.Primary, learner.Home, "home-isp-proxy-takeover"),
            Tactic.OnTheCarrier => (phone ?? learner.Primary, attackers.Carrier(learner), "carrier-lookalike-takeover"),
            _ => (learner.Primary, attackers.CityAbroad(learner, random, minKm: 1500), "copied-device-abroad"),
        };
        var attacker = AttackerActors.Copying(learner, copied, range, random);
        log.SignIn(learner, At, attacker, Label.AttackBy(scenario));
        TakeoverAftermath.Play(learner, At, attacker, log, random, thorough: false);
    }
}
