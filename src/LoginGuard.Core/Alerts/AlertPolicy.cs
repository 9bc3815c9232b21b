using LoginGuard.Enrichment;
using LoginGuard.Ingestion;
using LoginGuard.Scoring;
using LoginGuard.Scoring.Rules;

namespace LoginGuard.Alerts;

/// <summary>
/// Response, kept apart from detection: rules say what is unusual, this says which of it a learner is
/// told about. Account changes are always told; a sign-in only when it came from a new device.
/// </summary>
internal static class AlertPolicy
{
    public static IReadOnlyList<AlertKind> AlertsFor(EnrichedEvent enriched, RiskAssessment assessment) => enriched.Event.Type switch
    {
        AuthEventType.LoginSucceeded when assessment.Has(NewDeviceRule.RuleId) => [AlertKind.NewDevice],
        AuthEventType.PasswordChanged => [AlertKind.PasswordChanged],
        AuthEventType.MfaDisabled => [AlertKind.MfaDisabled],
        AuthEventType.EmailChanged => [AlertKind.EmailChanged],
        _ => [],
    };
}
