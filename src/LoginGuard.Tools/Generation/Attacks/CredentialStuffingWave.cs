using LoginGuard.Contracts;
using LoginGuard.Tools.Generation.Devices;
using LoginGuard.Tools.Generation.People;

namespace LoginGuard.Tools.Generation.Attacks;

/// <summary>
/// A botnet working through a combo list: one try per address, spread over many IPs, against learners
/// and against addresses the platform has never seen. A few learners reused their password and fall.
/// </summary>
internal sealed class CredentialStuffingWave(AttackerActors attackers)
{
    private static readonly Label Stuffing = Label.AttackBy("credential-stuffing");

    public void Plan(DateTimeOffset start, IReadOnlyList<Learner> learners, List<Learner> victims, IncidentBook book, EventLog log, Random random)
    {
        var botnet = attackers.Botnet(random.Next(12, 30), random);
        var rotateBrowsers = random.NextDouble() < 0.5;
        var targets = learners.Where(_ => random.NextDouble() < 0.4).ToList();
        var reused = targets.Where(l => !l.MfaEnabled && victims.Contains(l)).Take(random.Next(2, 5)).ToHashSet();
        victims.RemoveAll(reused.Contains);
        var unknown = (int)(targets.Count * 1.5);
        var attempts = targets.Select(l => (Learner?)l).Concat(Enumerable.Repeat<Learner?>(null, unknown))
            .OrderBy(_ => random.Next()).ToList();

        var at = start;
        foreach (var target in attempts)
        {
            var agent = rotateBrowsers
                ? RotatedBrowser(random)
                : DeviceCatalogue.BotAgents[random.Next(DeviceCatalogue.BotAgents.Length)];
            var bot = new Actor(botnet[random.Next(botnet.Count)], agent, null, rotateBrowsers ? "en-US" : null);
            if (target is null)
            {
                log.Add(UnknownUser(at, bot, random));
            }
            else
            {
                book.Add(target, new StuffingAttempt(at, bot, reused.Contains(target)));
            }

            at = at.AddSeconds(random.Next(1, 15)).AddMilliseconds(random.Next(1000));
        }
    }

    private static string RotatedBrowser(Random random)
    {
        var kind = DeviceCatalogue.Computers[random.Next(DeviceCatalogue.Computers.Length)];
        return kind.UserAgent(kind.Version);
    }

    // The platform still needs a userId for a name it cannot resolve; it sends a pseudonymous one, never an account's.
    private static DraftEvent UnknownUser(DateTimeOffset at, Actor bot, Random random)
    {
        var people = CountryPeople.For(random.Next(2) == 0 ? "US" : "GB");
        var leaked = $"{EmailAddresses.Fold(people.GivenNames[random.Next(people.GivenNames.Length)])}"
            + $"{EmailAddresses.Fold(people.FamilyNames[random.Next(people.FamilyNames.Length)])}{random.Next(10, 99)}@example.com";
        return new DraftEvent(at, AuthEventType.LoginFailed, $"anon_{DeviceCookies.Hex(random, 6)}", bot, leaked, null, FailureReason.UnknownUser, null, Stuffing);
    }
}
