using LoginGuard.Tools.Generation.Geo;
using LoginGuard.Tools.Generation.People;
using LoginGuard.Tools.Generation.Profiles;

namespace LoginGuard.Tools.Generation.Behavior;

/// <summary>Lives one learner's days in order, interleaving their sessions with the incidents planned against the account.</summary>
internal sealed class LearnerSimulator(GeoCatalogue geo, SimulationWindow window, EventLog log, GenerationProfile profile)
{
    public void Run(Learner learner, IEnumerable<Incident> incidents, Random random)
    {
        var changes = new DailyChanges(geo, random, profile);
        var sessions = new SessionPlayer(geo, log, random, profile);
        var pending = new Queue<Incident>(incidents.OrderBy(i => i.At));
        foreach (var day in window.EachDay)
        {
            PlayUntil(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), learner, pending, random);
            changes.Apply(learner, day);
            foreach (var at in SessionsOn(learner, day, random))
            {
                PlayUntil(at, learner, pending, random);
                if (!learner.Deleted)
                {
                    sessions.Play(learner, day, at);
                }
            }
        }

        PlayUntil(DateTimeOffset.MaxValue, learner, pending, random);
    }

    private IEnumerable<DateTimeOffset> SessionsOn(Learner learner, DateOnly day, Random random)
    {
        if ((learner.Trip is { } trip && trip.IsTravelDay(day)) || day < learner.JoinsOn)
        {
            return [];
        }

        var place = learner.Trip is { } away && away.IsAway(day) ? away.Destination : learner.Home;
        return learner.Rhythm.SessionsOn(day, place.Zone, random).Where(window.AllowsSessionAt);
    }

    private void PlayUntil(DateTimeOffset until, Learner learner, Queue<Incident> pending, Random random)
    {
        while (pending.TryPeek(out var next) && next.At <= until)
        {
            pending.Dequeue().Play(learner, log, random);
        }
    }
}
