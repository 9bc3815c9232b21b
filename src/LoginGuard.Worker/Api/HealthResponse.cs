using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LoginGuard.Worker.Api;

/// <summary>The health report as JSON: overall status, then each dependency's status and description (never its exception).</summary>
internal static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        }, cancellationToken: context.RequestAborted);
    }
}
