using LoginGuard.Enrichment;
using LoginGuard.Ingestion;
using LoginGuard.State;
using Microsoft.Extensions.Options;

namespace LoginGuard.Scoring.Anomaly;

/// <summary>
/// The trained model as a rule: its calibrated probability is the rule's score, weighted and combined
/// like any other rule's, and its reason names the features that made the event unusual.
/// A learner too new to have a rhythm gets a zero-score "cold start" reason instead, so the decision
/// says the model abstained rather than silently vouching for the event.
/// </summary>
internal sealed class AnomalyModelRule(AnomalyModelStore models, IOptionsMonitor<AnomalyModelOptions> options) : IRule
{
    public const string RuleId = "anomaly-model";

    public string Id => RuleId;

    public RuleSettings Settings => options.CurrentValue.Settings;

    /// <summary>What a decision's rule-set version must change with: the model file's version and how it is weighed.</summary>
    public string VersionTag
    {
        get
        {
            var settings = options.CurrentValue;
            return settings.Enabled ? $"{models.Get(settings.Path).Metadata.Version}|{settings.Mode}|{settings.Weight}|{settings.MinSignIns}|{settings.ReportAbove}" : "off";
        }
    }

    public RiskReason? Evaluate(EnrichedEvent enriched, BehaviorSnapshot snapshot)
    {
        var settings = options.CurrentValue;
        var signIns = snapshot.Learner.SuccessfulLogins;

        // A failed sign-in is judged mostly by where it comes from (failures per address and network),
        // which needs no history of the learner, and stuffing aims at accounts that have none.
        if (enriched.Event.Type != AuthEventType.LoginFailed && signIns < settings.MinSignIns)
        {
            return new RiskReason(Id, 0, $"cold start: {signIns} sign-ins; scored by rules only");
        }

        var model = models.Get(settings.Path);
        var features = LoginFeatureExtractor.Extract(enriched, snapshot);
        var score = Math.Round(model.Score(features), 4);
        if (score < settings.ReportAbove)
        {
            return null;
        }

        var unusual = FeatureExplanation.MostUnusual(features, model.Metadata, settings.ReasonFeatures);
        return new RiskReason(Id, score, $"unusual for this learner ({model.Metadata.Version}): {FeatureExplanation.Describe(unusual)}");
    }
}
