namespace LoginGuard.Worker.Api;

/// <summary>The audit log, for those who check that learners' data is read and erased only as it should be.</summary>
internal static class AuditEndpoints
{
    private const int MaxEntries = 1000;

    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/audit", ReadAsync)
            .Described("ReadAudit", "Who (key id) exported, erased or read whose data (learner hash), when, and the result; newest first")
            .RequireScope(ApiScopes.AuditRead)
            .Produces<AuditPage>().ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> ReadAsync(AuditLog audit, CancellationToken cancellationToken, int limit = 100) =>
        limit is < 1 or > MaxEntries
            ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid limit", detail: $"limit must be 1–{MaxEntries}.")
            : TypedResults.Ok(new AuditPage(await audit.ReadAsync(limit, cancellationToken)));
}

/// <summary>A page of the audit log, newest first.</summary>
internal sealed record AuditPage(IReadOnlyList<AuditEntry> Entries);
