using LoginGuard.Tools.Generation.Behavior;
using LoginGuard.Tools.Generation.Geo;
using LoginGuard.Tools.Generation.People;
using LoginGuard.Tools.Generation.Profiles;

namespace LoginGuard.Tools.Generation.Attacks;

/// <summary>
/// Decides who is attacked, how and when, in proportion to the stream's size so every attack appears at
/// least once. Each victim is taken once, so recovering from one takeover never overlaps another.
/// Account deletions are planned here too: a deleted learner must not be anyone's victim afterwards.
/// </summary>
internal sealed class AttackPlanner(GeoCatalogue geo, SimulationWindow window, GenerationProfile profile)
{
    public IncidentBook Plan(IReadOnlyList<Learner> learners, EventLog log, Random random)
    {
        var book = new IncidentBook();
        var attackers = new AttackerActors(geo);
        var victims = learners.OrderBy(_ => random.Next()).ToList();
        var learnerDays = learners.Count * window.Days;

        for (var wave = Count(learnerDays, 1800); wave > 0; wave--)
        {
            new CredentialStuffingWave(attackers).Plan(Instant(random), learners, victims, book, log, random);
        }

        // A relaying phishing kit defeats MFA, so its victims are the learners who turned MFA on.
        Plant(Count(learnerDays, 2500), l => l.MfaEnabled, _ => new PhishedAbroad(Instant(random), attackers));
        Plant(Count(learnerDays, 2500), _ => true, _ => new SameCountryTakeover(Instant(random), attackers));
        Plant(Count(learnerDays, 2500), _ => true, _ => new BruteForce(Instant(random), attackers));
        Plant(Count(learnerDays, 2500), _ => true, victim => new ImpossibleTravel(LocalEvening(victim, random), attackers));
        Plant(Count(learnerDays, 1500), _ => true, _ => new AccountDeletion(NearTheEnd(random)));
        if (profile.LocalTactics)
        {
            // Planted after everything the training profile plants, so the training attacks and victims stay as they were.
            Plant(Count(learnerDays, 1250), _ => true, victim => new CopiedTakeover(LocalEvening(victim, random), attackers, CopiedTakeover.Tactic.HomeIspProxy));
            Plant(Count(learnerDays, 1250), l => l.Devices.Any(d => d.Kind.FormFactor == Devices.FormFactor.Phone), victim => new CopiedTakeover(LocalEvening(victim, random), attackers, CopiedTakeover.Tactic.OnTheCarrier));
            Plant(Count(learnerDays, 1250), _ => true, victim => new CopiedTakeover(LocalEvening(victim, random), attackers, CopiedTakeover.Tactic.Abroad));
        }

        return book;

        void Plant(int times, Func<Learner, bool> preferred, Func<Learner, Incident> incident)
        {
            for (var i = 0; i < times && victims.Count > 0; i++)
            {
                var victim = victims.FirstOrDefault(preferred) ?? victims[0];
                victims.Remove(victim);
                book.Add(victim, incident(victim));
            }
        }
    }

    private static int Count(int learnerDays, int perLearnerDays) => Math.Max(1, learnerDays / perLearnerDays);

    private DateTimeOffset Instant(Random random) =>
        window.Start.AddHours(2).AddMinutes(random.Next((int)(window.End - window.Start).TotalMinutes - 300)).Add(Jitter(random));

    // Real clocks are not minute-aligned; attack times that were would give themselves away.
    private static TimeSpan Jitter(Random random) => TimeSpan.FromSeconds(random.Next(60)) + TimeSpan.FromMilliseconds(random.Next(1000));

    private DateTimeOffset LocalEvening(Learner learner, Random random)
    {
        var day = window.FirstDay.AddDays(random.Next(window.Days));
        var local = day.ToDateTime(new TimeOnly(learner.Rhythm.PeakHour, random.Next(60))).Add(Jitter(random));
        var at = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, learner.Home.Zone), TimeSpan.Zero);
        return at < window.Start.AddHours(2) || at > window.End.AddHours(-3) ? Instant(random) : at;
    }

    private DateTimeOffset NearTheEnd(Random random)
    {
        var at = window.End.AddDays(-random.Next(1, Math.Max(2, window.Days / 3))).AddHours(-random.Next(3, 12)).Add(Jitter(random));
        return at < window.Start.AddHours(2) ? Instant(random) : at;
    }
}
