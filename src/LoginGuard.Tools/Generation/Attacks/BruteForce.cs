using LoginGuard.Contracts;
using LoginGuard.Tools.Generation.Devices;
using LoginGuard.Tools.Generation.People;

namespace LoginGuard.Tools.Generation.Attacks;

/// <summary>
/// One address guessing one learner's password. After ten misses the platform locks the account and
/// the attacker's script carries on into "locked" failures; it never gets in.
/// </summary>
internal sealed class BruteForce(DateTimeOffset at, AttackerActors attackers) : Incident(at)
{
    private const int LockAfter = 10;

    public override void Play(Learner learner, EventLog log, Random random)
    {
        var source = attackers.Abroad(learner, random);
        var attacker = source with { UserAgent = DeviceCatalogue.BotAgents[random.Next(DeviceCatalogue.BotAgents.Length)], DeviceId = null, Locale = null };
        var label = Label.AttackBy("brute-force");
        var time = At;
        var attempts = random.Next(25, 70);
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            log.Failure(learner, time, attacker, label, attempt > LockAfter ? FailureReason.Locked : FailureReason.BadPassword);
            time = time.AddSeconds(random.Next(3, 30)).AddMilliseconds(random.Next(1000));
        }
    }
}
