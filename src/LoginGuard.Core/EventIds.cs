namespace LoginGuard;

/// <summary>Every log event id in one place, grouped by stage, so an id never means two things.</summary>
internal static class EventIds
{
    public const int EventRejected = 1001;
    public const int EventRedelivered = 1002;
    public const int EventDecided = 1003;
    public const int AlertUnaddressable = 1004;

    // Alert delivery: the outbox, the dispatcher and the SMTP connection.
    public const int AlertQueued = 4001;
    public const int AlertSent = 4002;
    public const int AlertRetrying = 4003;
    public const int AlertFailed = 4004;
    public const int SmtpConnected = 4005;
    public const int AlertDispatchFailed = 4006;
    public const int AlertsLeftQueued = 4007;

    // Scoring: the rule set and its reloads.
    public const int RuleSetLoaded = 5001;
    public const int RuleSetRejected = 5002;
    public const int RuleSetError = 5003;
}
