using LoginGuard.Contracts;

namespace LoginGuard.Scoring.Anomaly;

/// <summary>
/// How many learners signed in with each browser family and from each network (ASN) in the history a
/// model was trained on, saved in its metadata. A network or browser almost no learner uses is worth
/// more suspicion than one half the platform does, and a table that travels with the model needs no
/// population-wide counter in the hot path: it is as current as the model that reads it.
/// </summary>
/// <param name="Learners">Learners with at least one legitimate successful sign-in in the training history.</param>
/// <param name="Agents">Learners per browser family and operating system (<see cref="AgentFamily"/>).</param>
/// <param name="Networks">Learners per network key (<c>as</c> + number); networks known only by a keyed hash of their prefix are never listed.</param>
internal sealed record Population(int Learners, IReadOnlyDictionary<string, int> Agents, IReadOnlyDictionary<string, int> Networks)
{
    /// <summary>
    /// A value fewer learners than this used is left out of the table (it reads as used by none), so the
    /// metadata file cannot single out a learner by the rare network or browser only they use.
    /// </summary>
    public const int MinLearners = 5;

    public static string AgentFamily(UserAgentInfo agent) => $"{agent.BrowserFamily} on {agent.OsFamily}";

    public int LearnersWithAgent(UserAgentInfo agent) => Agents.GetValueOrDefault(AgentFamily(agent));

    public int LearnersOnNetwork(string networkKey) => Networks.GetValueOrDefault(networkKey);
}
