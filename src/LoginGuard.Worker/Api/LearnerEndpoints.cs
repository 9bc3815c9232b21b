using LoginGuard.Activity;
using LoginGuard.LearnerRecords;
using Microsoft.Extensions.Options;

namespace LoginGuard.Worker.Api;

/// <summary>What a learner may ask of their data, through the platform: review it, take it away, have it deleted.</summary>
internal static class LearnerEndpoints
{
    public static IEndpointRouteBuilder MapLearnerEndpoints(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/v1/users/{userId}");
        users.MapGet("/activity", ActivityAsync)
            .Described("GetActivity", "The learner's recent sign-ins and security events, newest first")
            .RequireScope(ApiScopes.LearnerRead).AuditedAs("activity")
            .Produces<ActivityPage>().ProducesProblem(StatusCodes.Status400BadRequest);
        users.MapGet("/export", ExportAsync)
            .Described("ExportLearner", "Everything LoginGuard keeps about the learner, as one JSON document")
            .RequireScope(ApiScopes.LearnerRead).AuditedAs("export")
            .Produces<System.Text.Json.Nodes.JsonObject>().ProducesProblem(StatusCodes.Status400BadRequest);
        users.MapDelete("/", EraseAsync)
            .Described("EraseLearner", "Erase every key, mail, failure and answer of the learner")
            .RequireScope(ApiScopes.LearnerErase).AuditedAs("erase")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> ActivityAsync(string userId, RedisLearnerRecords records, IOptions<ActivityOptions> options, CancellationToken cancellationToken)
    {
        if (UserIds.Problem(userId) is { } problem)
        {
            return problem;
        }

        var entries = await records.ActivityAsync(userId, cancellationToken);
        return TypedResults.Ok(new ActivityPage(userId, (int)options.Value.Retention.TotalDays, [.. entries.Select(ActivityView.Of)]));
    }

    private static async Task<IResult> ExportAsync(string userId, LearnerExporter exporter, CancellationToken cancellationToken) =>
        UserIds.Problem(userId) ?? TypedResults.Json(await exporter.ExportAsync(userId, cancellationToken));

    private static async Task<IResult> EraseAsync(string userId, LearnerEraser eraser, CancellationToken cancellationToken)
    {
        if (UserIds.Problem(userId) is { } problem)
        {
            return problem;
        }

        await eraser.EraseAsync(userId, cancellationToken);
        return TypedResults.NoContent();
    }
}
