using System.Globalization;
using LoginGuard.Enrichment;
using LoginGuard.Ingestion;
using LoginGuard.State;
using Microsoft.Extensions.Options;

namespace LoginGuard.Scoring.Anomaly;

/// <summary>
/// The trained model beside the rules. Its calibrated probability is weighted and combined like any
/// rule's score, and it vouches for events it finds ordinary: below <see cref="AnomalyModelOptions.VouchBelow"/>
/// the rules' hits count in proportion (<see cref="TrustInRules"/>), so a learner's own trip or new phone
/// that trips several novelty rules is not stepped up when everything else about it is usual.
/// A learner too new to have a rhythm (<see cref="AnomalyModelOptions.MinSignIns"/>) gets a zero-score
/// "cold start" reason instead, so the decision says the model abstained rather than silently vouching.
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
            return settings.Enabled
                ? string.Create(CultureInfo.InvariantCulture, $"{models.Get(settings.Path).Metadata.Version}|{settings.Mode}|{settings.Weight}|{settings.MinSignIns}|{settings.ReportAbove}|{settings.VouchBelow}")
                : "off";
        }
    }

    public ModelVerdict Judge(EnrichedEvent enriched, BehaviorSnapshot snapshot)
    {
        var signIns = snapshot.Learner.SuccessfulLogins;

        // A failed sign-in is judged mostly by where it comes from (failures per address and network),
        // which needs no history of the learner, and stuffing aims at accounts that have none.
        if (enriched.Event.Type != AuthEventType.LoginFailed && signIns < options.CurrentValue.MinSignIns)
        {
            return new ModelVerdict(0, null, signIns);
        }

        var features = LoginFeatureExtractor.Extract(enriched, snapshot);
        return new ModelVerdict(Math.Round(models.Get(options.CurrentValue.Path).Score(features), 4), features, signIns);
    }

    /// <summary>
    /// How much the rules' hits count on an event the model judged: 1 when it abstained or is not enforced,
    /// else its score over <see cref="AnomalyModelOptions.VouchBelow"/>, at most 1.
    /// </summary>
    public double TrustInRules(ModelVerdict verdict)
    {
        var settings = options.CurrentValue;
        return verdict.Abstained || settings.Mode != RuleMode.Enforce || settings.VouchBelow <= 0
            ? 1
            : Math.Min(1, verdict.Score / settings.VouchBelow);
    }

    /// <summary>
    /// The reason a decision lists: always for cold start and whenever the model discounted a rule's hit
    /// (so the lower score is explained), otherwise only from <see cref="AnomalyModelOptions.ReportAbove"/> up.
    /// </summary>
    /// <param name="discounted">Whether an enforced rule fired and counted less because of the verdict.</param>
    public RiskReason? ReasonFor(ModelVerdict verdict, bool discounted)
    {
        var settings = options.CurrentValue;
        if (verdict.Features is not { } features)
        {
            return new RiskReason(Id, 0, $"cold start: {verdict.SignIns} sign-ins; scored by rules only");
        }

        if (verdict.Score < settings.ReportAbove && !discounted)
        {
            return null;
        }

        var model = models.Get(settings.Path).Metadata;
        var unusual = FeatureExplanation.Describe(FeatureExplanation.MostUnusual(features, model, settings.ReasonFeatures));
        var detail = discounted
            ? string.Create(CultureInfo.InvariantCulture, $"ordinary for this learner ({model.Version}), rules count ×{TrustInRules(verdict):0.###}; most unusual: {unusual}")
            : $"unusual for this learner ({model.Version}): {unusual}";
        return new RiskReason(Id, verdict.Score, detail);
    }

    public RiskReason? Evaluate(EnrichedEvent enriched, BehaviorSnapshot snapshot) => ReasonFor(Judge(enriched, snapshot), discounted: false);
}
