using LoginGuard.Enrichment;
using LoginGuard.Ingestion;
using LoginGuard.State;

namespace LoginGuard.Scoring.Rules;

/// <summary>
/// Password spraying and credential stuffing: failures against many different learners from one address or
/// network. It fires on the source's failures and, above all, on a success from it: the one guess that worked.
/// A success from a device the learner already signs in with, known by its cookie, is not a guess: a spray on a
/// national ISP or a carrier's shared addresses says nothing about the learner's own laptop on it.
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

        if (type == AuthEventType.LoginSucceeded && enriched.Device.FromDeviceId && snapshot.Learner.KnowsDevice(enriched.Device.Id))
        {
            return null;
        }

        var learners = FailureWindow.DistinctSubjects(enriched, snapshot, group, window);
        return learners < threshold
            ? null
            : new RiskReason(id, 1.0, $"{learners} different learners failed to sign in {FailureWindow.Describe(group)} within {window} (threshold {threshold})");
    }
}
