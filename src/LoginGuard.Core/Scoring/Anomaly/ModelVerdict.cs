namespace LoginGuard.Scoring.Anomaly;

/// <summary>What the model says of one event.</summary>
/// <param name="Score">Its calibrated probability that an attacker caused the event, rounded to 6 places.</param>
/// <param name="Features">What it read, which its reason quotes.</param>
/// <param name="SignIns">The learner's successful sign-ins: too few and the model does not vouch.</param>
internal sealed record ModelVerdict(double Score, LoginFeatures Features, int SignIns);
