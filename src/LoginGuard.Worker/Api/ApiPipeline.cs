using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace LoginGuard.Worker.Api;

/// <summary>The API's requests, in order: errors as problem details, the key check, the key's rate, then the endpoints.</summary>
internal sealed class ApiPipeline : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.Use(app.ApplicationServices.GetRequiredService<ApiKey>().RequireAsync);
        app.UseRateLimiter();
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync })
                .WithMetadata(new OpenToAnyone());
            endpoints.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ApiServiceCollectionExtensions.Ready), ResponseWriter = HealthResponse.WriteAsync })
                .RequireScope(ApiScopes.Metrics);
            endpoints.MapPrometheusScrapingEndpoint("/metrics").RequireScope(ApiScopes.Metrics);
            endpoints.MapOpenApi(ApiDescription.Path);
            endpoints.MapLearnerEndpoints().MapDecisionEndpoints().MapFeedbackEndpoints().MapAuditEndpoints();
        });
        next(app);
    };
}
