using System.Globalization;
using LoginGuard.Contracts;
using LoginGuard.State;
using Microsoft.Extensions.Options;

namespace LoginGuard.Scoring.Anomaly;

/// <summary>
/// The trained model beside the rules. Its calibrated probability is weighted and combined like any
/// rule's score, and it vouches for events it finds ordinary: below <see cref="AnomalyModelOptions.VouchBelow"/>
/// the hits of novelty rules count in proportion (<see cref="TrustInRules"/>), so a learner's own trip or
/// new phone that trips several of them is not stepped up when everything else about it is usual. It
/// vouches only for a learner with a rhythm to be ordinary against (<see cref="AnomalyModelOptions.MinSignIns"/>),
/// never for counted failures or impossible travel (<see cref="RuleSettings.Novelty"/>), and for a new device in a
/// new country or far away only when the learner's own history has earned it (<see cref="Gate"/>).
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

    /// <summary>
    /// Every event is scored, a new learner's too: what gives a stuffed account away (the failures around
    /// its source, a scripted agent) needs no history of the learner, and stuffing aims at accounts that have none.
    /// </summary>
    public ModelVerdict Judge(EnrichedEvent enriched, BehaviorSnapshot snapshot)
    {
        var model = models.Get(options.CurrentValue.Path);
        var features = LoginFeatureExtractor.Extract(enriched, snapshot, model.Metadata.Population);
        return new ModelVerdict(Math.Round(model.Score(features), 6), features, snapshot.Learner.SuccessfulLogins);
    }

    /// <summary>
    /// How much novelty rules' hits count on an event the model judged: its score over
    /// <see cref="AnomalyModelOptions.VouchBelow"/>, at most 1; always 1 for a learner with fewer than
    /// <see cref="AnomalyModelOptions.MinSignIns"/> sign-ins, or when the model is simulated or vouching is off.
    /// </summary>
    public double TrustInRules(ModelVerdict verdict)
    {
        var settings = options.CurrentValue;
        return verdict.SignIns < settings.MinSignIns || settings.Mode != RuleMode.Enforce || settings.VouchBelow <= 0
            ? 1
            : Math.Min(1, verdict.Score / settings.VouchBelow);
    }

    /// <summary>
    /// How much novelty rules' hits count on this event: <see cref="TrustInRules"/>, except
    /// that strong novelty (<see cref="StrongNovelty"/>) is discounted only when the learner's own history has
    /// earned it: a roam by earlier roams (<see cref="EarnedRoaming"/>), a lookalike never. Without that the rules
    /// count in full, so no model trained on someone else's idea of ordinary can lower such a decision below the
    /// rules' own level. The note says which.
    /// </summary>
    public VouchGate Gate(ModelVerdict verdict, EnrichedEvent enriched, LearnerHistory history)
    {
        var trust = TrustInRules(verdict);
        if (trust >= 1 || StrongNovelty.Of(enriched, history) is not { } conjunction)
        {
            return new VouchGate(trust, null, Withheld: false);
        }

        if (!conjunction.Roam)
        {
            return new VouchGate(1, $"{conjunction.Described} is not discounted: a copied browser behind the learner's own ISP, carrier or city looks the same, and no history earns it", Withheld: true);
        }

        return EarnedRoaming.Find(history, enriched.Event.OccurredAt) is { } earned
            ? new VouchGate(trust, $"{conjunction.Described} is earned: {earned.Describe()}", Withheld: false)
            : new VouchGate(1, $"{conjunction.Described} is not discounted: this learner's history shows no earlier sign-in on a new device abroad or far away that they kept using", Withheld: true);
    }

    /// <summary>
    /// The reason a decision lists: whenever the model discounted a rule's hit (so the lower score is
    /// explained) or was refused the right to (<see cref="Gate"/>), otherwise only from <see cref="AnomalyModelOptions.ReportAbove"/> up.
    /// </summary>
    /// <param name="discounted">Whether an enforced rule fired and counted less because of the verdict.</param>
    /// <param name="gate">What <see cref="Gate"/> decided for this event, when it was asked.</param>
    public RiskReason? ReasonFor(ModelVerdict verdict, bool discounted, VouchGate? gate = null)
    {
        var settings = options.CurrentValue;
        var features = verdict.Features;
        var withheld = gate is { Withheld: true };
        if (verdict.Score < settings.ReportAbove && !discounted && !withheld)
        {
            return null;
        }

        var model = models.Get(settings.Path).Metadata;
        var unusual = FeatureExplanation.Describe(FeatureExplanation.MostUnusual(features, model, settings.ReasonFeatures));
        var note = gate?.Note is { } text ? $"; {text}" : "";
        var detail = (discounted, withheld) switch
        {
            (true, _) => string.Create(CultureInfo.InvariantCulture, $"ordinary for this learner ({model.Version}), rules count ×{gate?.Trust ?? TrustInRules(verdict):0.###}{note}; most unusual: {unusual}"),
            (_, true) => $"ordinary to the model ({model.Version}), but {gate!.Note}; most unusual: {unusual}",
            _ => $"unusual for this learner ({model.Version}): {unusual}",
        };
        return new RiskReason(Id, verdict.Score, detail);
    }

    public RiskReason? Evaluate(EnrichedEvent enriched, BehaviorSnapshot snapshot) => ReasonFor(Judge(enriched, snapshot), discounted: false);
}

/// <summary>What the model may do to novelty rules' hits on one event.</summary>
/// <param name="Trust">How much those hits count, 0..1.</param>
/// <param name="Note">Why strong novelty was discounted or not, for the reason; null when the event has none.</param>
/// <param name="Withheld">The model would have vouched, but the learner's history has not earned it.</param>
internal sealed record VouchGate(double Trust, string? Note, bool Withheld);
