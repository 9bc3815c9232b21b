using Microsoft.ML.Data;

namespace LoginGuard.Scoring.Anomaly;

/// <summary>
/// The one definition of what the model sees, shared by training and scoring so the two can never
/// drift apart. A model records these names; one trained on other features is refused at start-up.
/// Order matters: it is the model's input vector.
/// </summary>
internal sealed class LoginFeatures
{
    public static readonly IReadOnlyList<string> Names =
    [
        "successful-login",
        "failed-login",
        "account-change",
        "sign-ins-log",
        "new-device",
        "new-address",
        "new-network",
        "new-city",
        "new-country",
        "unlocated",
        "km-from-usual-places-log",
        "travel-kmh-log",
        "hour-deviation",
        "hours-since-last-sign-in-log",
        "device-age-hours-log",
        "device-uses-log",
        "hours-since-risky-sign-in-log",
        "learner-failures-1h-log",
        "learner-failing-addresses-1h-log",
        "address-failures-1h-log",
        "address-failing-learners-1h-log",
        "network-failures-1h-log",
        "network-failing-learners-1h-log",
        "automated-agent",
        "no-device-cookie",
        "known-devices-log",
        "failure-unknown-user",
        "failure-locked",
        "handheld",
        "agent-learners-log",
        "network-learners-log",
        "known-agent",
        "hours-since-agent-seen-log",
        "app",
    ];

    public const int Count = 34;

    [VectorType(Count)]
    public float[] Features { get; set; } = new float[Count];
}

/// <summary>What every model LoginGuard trains puts out: a calibrated 0..1 probability that the event is an attacker's.</summary>
internal sealed class LoginModelOutput
{
    public float Probability { get; set; }
}
