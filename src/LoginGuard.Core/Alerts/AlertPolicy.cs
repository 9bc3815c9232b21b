using LoginGuard.Contracts;
using LoginGuard.Scoring.Rules;
using Microsoft.Extensions.Options;

namespace LoginGuard.Alerts;

/// <summary>
/// Response, kept apart from detection: rules say what is unusual, this says which of it a learner is told about.
/// Account changes are always told; a sign-in from a new device is told; and a risky finding no other mail covers
/// (<see cref="Incident"/>) is told as suspicious activity.
/// </summary>
internal sealed class AlertPolicy(IOptions<SuspiciousActivityOptions> options)
{
    public IReadOnlyList<OwedAlert> AlertsFor(EnrichedEvent enriched, RiskAssessment assessment)
    {
        List<OwedAlert> owed = enriched.Event.Type switch
        {
            AuthEventType.LoginSucceeded when assessment.Has(NewDeviceRule.RuleId) => [new(AlertKind.NewDevice)],
            AuthEventType.PasswordChanged => [new(AlertKind.PasswordChanged)],
            AuthEventType.MfaDisabled => [new(AlertKind.MfaDisabled)],
            AuthEventType.EmailChanged => [new(AlertKind.EmailChanged)],
            _ => [],
        };

        // Any other mail for this event already tells the learner of it, when and from where, and what to do:
        // a second mail about the same moment would only be noise.
        if (owed.Count == 0 && IncidentOf(assessment) is { } incident)
        {
            owed.Add(new(AlertKind.SuspiciousActivity, incident));
        }

        return owed;
    }

    private Incident? IncidentOf(RiskAssessment assessment)
    {
        var settings = options.Value;
        if (!settings.Enabled || assessment.Level < settings.MinLevel)
        {
            return null;
        }

        // The most specific incident wins when several are found at once: a stolen session says more than a burst.
        return assessment.Reasons
            .Where(r => !r.Simulated && settings.Rules.ContainsKey(r.Rule))
            .Select(r => (Incident?)settings.Rules[r.Rule])
            .Min();
    }
}
