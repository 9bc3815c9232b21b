using LoginGuard.Contracts;
using LoginGuard.State;

namespace LoginGuard.Scoring.Rules;

/// <summary>
/// Password spraying and credential stuffing: failures against many different learners from one address or
/// network. It fires on the source's failures and, above all, on a success from it: the one guess that worked.
/// A success from a device the learner already signs in with, known by its cookie, on a network they already
/// sign in from, is not a guess: a spray on their national ISP or their carrier's shared addresses says nothing
/// about their own laptop on it. A known cookie from a network the learner never used still counts, because
/// info-stealer logs carry cookies along with passwords.
/// </summary>
internal sealed class DistinctLearnersFailingRule(string id, RuleSettings settings, FailureGroup group, TimeSpan window, int threshold, Allowlist allowlist) : IRule
{
    public string Id => id;

    public RuleSettings Settings => settings;

    public RiskReason? Evaluate(EnrichedEvent enriched, BehaviorSnapshot snapshot)
    {
        var type = enriched.Event.Type;
        if ((type != AuthEventType.LoginFailed && type != AuthEventType.LoginSucceeded) || allowlist.Contains(enriched.Event.Ip))
        {
            return null;
        }

        if (type == AuthEventType.LoginSucceeded && IsLearnersOwnDeviceAtHome(enriched, snapshot.Learner))
        {
            return null;
        }

        var learners = FailureWindow.DistinctSubjects(enriched, snapshot, group, window);
        return learners < threshold
            ? null
            : new RiskReason(id, 1.0, $"{learners} different learners failed to sign in {FailureWindow.Describe(group)} within {window} (threshold {threshold})");
    }

    private static bool IsLearnersOwnDeviceAtHome(EnrichedEvent enriched, LearnerHistory history) =>
        enriched.Device.FromDeviceId
        && history.KnowsDevice(enriched.Device.Id)
        && history.KnowsNetwork(enriched.Keys.Network);
}
