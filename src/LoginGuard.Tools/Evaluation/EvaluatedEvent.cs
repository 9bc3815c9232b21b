namespace LoginGuard.Tools.Evaluation;

/// <summary>The scorers compared, each on the same replayed events.</summary>
internal enum Scorer
{
    /// <summary>The rules in force plus the model as the <c>anomaly-model</c> rule: what the worker decides.</summary>
    Combined,

    /// <summary>The rules in force without the model.</summary>
    RulesOnly,

    /// <summary>Freeman et al. (NDSS 2016), mapped to 0..1 as S/(1+S).</summary>
    Freeman,

    /// <summary>The model's calibrated probability on every event, cold start or not.</summary>
    ModelAlone,

    /// <summary>Four naive flags: new device id, new country, new city, failures from the address (<see cref="NaiveNoveltyScorer"/>).</summary>
    NaiveNovelty,
}

/// <summary>One replayed event with its ground truth and every scorer's 0..1 score.</summary>
/// <param name="Stream">The events file it came from, so metrics can be read per stream as well as pooled.</param>
/// <param name="EventId">The event, so a miss in the report can be looked up in its stream.</param>
/// <param name="Kind">successful-login, failed-login or account-change.</param>
/// <param name="Rules">The rules that fired in the combined decision, space-separated: what a flagged event was flagged for.</param>
/// <param name="ModelDetail">The detail of the model's reason in the combined decision, when it gave one.</param>
/// <param name="NewDeviceInNewCountry">A sign-in on a device id the learner never used, from a country they never used, after sign-ins of their own.</param>
/// <param name="FirstSignIn">A successful sign-in on an account with no sign-in in its history: nothing of the learner's to compare it with.</param>
internal sealed record EvaluatedEvent(
    string Stream, string EventId, string Kind, bool Attack, string Scenario, IReadOnlyDictionary<Scorer, double> Scores, string Rules = "", string? ModelDetail = null, bool NewDeviceInNewCountry = false, bool FirstSignIn = false)
{
    public Scored By(Scorer scorer) => new(Scores[scorer], Attack);
}
