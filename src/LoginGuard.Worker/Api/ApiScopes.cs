namespace LoginGuard.Worker.Api;

/// <summary>What a key may be granted: each endpoint needs one scope, so a leaked key exposes only what it was for.</summary>
internal static class ApiScopes
{
    /// <summary>Prometheus and readiness: no learner data.</summary>
    public const string Metrics = "metrics";

    /// <summary>The review page's backend posting learners' answers.</summary>
    public const string Feedback = "feedback";

    /// <summary>A learner's activity and export: raw addresses and user agents of 30 days.</summary>
    public const string LearnerRead = "learner:read";

    /// <summary>Erasing a learner's security history.</summary>
    public const string LearnerErase = "learner:erase";

    /// <summary>Decisions explained, and the learners' answers as labels.</summary>
    public const string DecisionsRead = "decisions:read";

    /// <summary>The audit log of who exported, erased or read whose data.</summary>
    public const string AuditRead = "audit:read";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Metrics, Feedback, LearnerRead, LearnerErase, DecisionsRead, AuditRead,
    };
}

/// <summary>Endpoint metadata: the scope a key needs to call it. An endpoint without one needs only a valid key.</summary>
internal sealed record RequiredScope(string Scope);

/// <summary>Endpoint metadata: the call is written to the audit log under this action.</summary>
internal sealed record Audited(string Action);

/// <summary>Endpoint metadata: the endpoint answers without any key (whether the process is alive).</summary>
internal sealed record OpenToAnyone;

internal static class ApiScopeExtensions
{
    public static TBuilder RequireScope<TBuilder>(this TBuilder endpoint, string scope)
        where TBuilder : IEndpointConventionBuilder => endpoint.WithMetadata(new RequiredScope(scope));

    public static TBuilder AuditedAs<TBuilder>(this TBuilder endpoint, string action)
        where TBuilder : IEndpointConventionBuilder => endpoint.WithMetadata(new Audited(action));
}
