using LoginGuard.Tools.Generation.Attacks;
using LoginGuard.Tools.Generation.Behavior;
using LoginGuard.Tools.Generation.Geo;
using LoginGuard.Tools.Generation.People;
using LoginGuard.Tools.Generation.Stream;

namespace LoginGuard.Tools.Generation;

/// <summary>
/// Generates a labelled auth-event stream. Everything random comes from one <see cref="Random"/> seeded
/// with <see cref="GenerationSettings.Seed"/>, consumed in a fixed order, so a seed always gives the same bytes.
/// </summary>
internal static class LoginEventGenerator
{
    /// <param name="learnersDone">Told how many learners have been simulated so far.</param>
    public static GeneratedStream Generate(GenerationSettings settings, GeoCatalogue geo, IProgress<long>? learnersDone = null)
    {
        var random = new Random(settings.Seed);
        var window = new SimulationWindow(settings.Start, settings.Days);
        var profile = settings.EffectiveProfile;
        var factory = new LearnerFactory(geo, random, profile);
        var learners = Enumerable.Range(0, settings.Users).Select(_ => factory.Create()).ToList();
        foreach (var learner in learners.Where(_ => profile.LateJoiners > 0 && random.NextDouble() < profile.LateJoiners))
        {
            learner.JoinsOn = window.FirstDay.AddDays(random.Next(window.Days));
        }

        var log = new EventLog();
        var incidents = new AttackPlanner(geo, window, profile).Plan(learners, log, random);
        var simulator = new LearnerSimulator(geo, window, log, profile);
        var done = 0L;
        foreach (var learner in learners)
        {
            simulator.Run(learner, incidents.For(learner), new Random(random.Next()));
            learnersDone?.Report(++done);
        }

        return new StreamAssembler(random).Assemble(log.Events, settings.BadLines, settings.Duplicates);
    }

    /// <summary>
    /// The learners of <paramref name="settings"/> generated <paramref name="learnersPerCohort"/> at a time and handed
    /// out as each cohort is made, so memory holds one cohort rather than the population. Each cohort is a stream of
    /// its own, with its own seed, attacks, bad lines and duplicates, over the days after the previous cohort's: a
    /// population joining a cohort at a time, whose addresses are as busy at any moment as one cohort's, however
    /// many cohorts there are. The first has the settings' seed and days, so a population of one cohort is exactly
    /// <see cref="Generate"/>'s stream. With <paramref name="eventsPerCohort"/>, each cohort stops after that many
    /// events, its earliest: days are whole, so a population that must fill a number of events over some days would
    /// otherwise draw them from the first cohorts alone.
    /// </summary>
    public static IEnumerable<StreamLine> Cohorts(GenerationSettings settings, GeoCatalogue geo, int learnersPerCohort, int eventsPerCohort = int.MaxValue)
    {
        var seeds = new Random(settings.Seed);
        for (var (first, cohort) = (0, 0); first < settings.Users; (first, cohort) = (first + learnersPerCohort, cohort + 1))
        {
            var next = settings with
            {
                Users = Math.Min(learnersPerCohort, settings.Users - first),
                Seed = cohort == 0 ? settings.Seed : seeds.Next(),
                Start = settings.Start.AddDays(cohort * settings.Days),
            };
            var events = 0;
            foreach (var line in Generate(next, geo).Lines)
            {
                if (line.IsEvent && ++events > eventsPerCohort)
                {
                    break;
                }

                yield return line;
            }
        }
    }
}
