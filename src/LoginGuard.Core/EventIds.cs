namespace LoginGuard;

/// <summary>Every log event id in one place, grouped by stage, so an id never means two things.</summary>
internal static class EventIds
{
    public const int EventRejected = 1001;
    public const int EventRedelivered = 1002;
    public const int EventDecided = 1003;
    public const int AlertUnaddressable = 1004;

    public const int RuleSetLoaded = 5001;
    public const int RuleSetRejected = 5002;
    public const int RuleSetError = 5003;
}
