using System.Text.Json.Nodes;
using LoginGuard.Contracts;
using LoginGuard.LearnerRecords;
using LoginGuard.Scoring;
using LoginGuard.Scoring.Anomaly;

namespace LoginGuard.Worker.Api;

/// <summary>
/// Explains a decision to the security team: its reasons and scores, the rule-set version that made it (a hash
/// that covers the anomaly model's version and weighting too), and what is in force now, to tell whether a
/// rules or model change since would decide differently (try it with <c>replay --rules … --diff</c>).
/// </summary>
internal static class DecisionEndpoints
{
    public static IEndpointRouteBuilder MapDecisionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/decisions/{eventId}", ExplainAsync)
            .Described("ExplainDecision", "A decision's reasons and scores, the rule-set version that made it, and what is in force now")
            .RequireScope(ApiScopes.DecisionsRead).AuditedAs("decision-read")
            .Produces<JsonObject>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <remarks>
    /// The userId is optional: an index from eventId to learner finds the decision without it. Given, it is
    /// checked like every account id and the decision is read under that learner directly.
    /// </remarks>
    private static async Task<IResult> ExplainAsync(
        string eventId, string? userId, RedisLearnerRecords records, RuleSetSource rules, AnomalyModelRule model, HttpContext context,
        CancellationToken cancellationToken)
    {
        if (userId is not null && UserIds.Problem(userId, "The userId query parameter") is { } problem)
        {
            return problem;
        }

        if (eventId.Length > UserIds.MaxLength || eventId.Any(char.IsControl))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid event id", detail: $"eventId must be 1–{UserIds.MaxLength} characters without control characters.");
        }

        var found = userId is null ? await records.DecisionAsync(eventId, cancellationToken) : await records.DecisionAsync(userId, eventId, cancellationToken);
        if (found is { Learner: var learner })
        {
            context.Items[ApiKey.LearnerItem] = learner;
        }

        return found is ({ } decision, _)
            ? TypedResults.Json(new JsonObject
            {
                ["decision"] = JsonNode.Parse(DecisionJson.Serialize(decision)),
                ["inForceNow"] = new JsonObject
                {
                    ["ruleSetVersion"] = rules.Current.Version,
                    ["model"] = model.VersionTag.Split('|')[0],
                },
            })
            : TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "No such decision",
                detail: "No decision is kept for this event: it is unknown, older than State:DecisionRetention, or erased.");
    }
}
