namespace LoginGuard.Scoring.Anomaly;

/// <summary>
/// What the model says of one event: its calibrated probability, or nothing when it abstains (cold start).
/// </summary>
/// <param name="Score">0..1, rounded to 4 places; 0 when the model abstained.</param>
/// <param name="Features">What it read; null when it abstained.</param>
/// <param name="SignIns">The learner's successful sign-ins, which decide cold start.</param>
internal sealed record ModelVerdict(double Score, LoginFeatures? Features, int SignIns)
{
    public bool Abstained => Features is null;
}
