using LoginGuard.Tools.Generation.People;

namespace LoginGuard.Tools.Generation;

/// <summary>
/// Something planned to happen to one learner's account at a set time, played in order with the
/// learner's own sessions so it sees (and changes) the account as it is at that moment.
/// </summary>
internal abstract class Incident(DateTimeOffset at)
{
    public DateTimeOffset At { get; } = at;

    public abstract void Play(Learner learner, EventLog log, Random random);
}
