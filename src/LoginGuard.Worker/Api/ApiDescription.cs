using Microsoft.OpenApi;

namespace LoginGuard.Worker.Api;

/// <summary>
/// The API's OpenAPI document at <c>/openapi/v1.json</c>, so the platform's teams can generate a client and check
/// their calls. Health and metrics are mapped from request delegates, which the endpoint explorer cannot see, so
/// they are described here by hand; the key every path needs is the document's one security scheme.
/// </summary>
internal static class ApiDescription
{
    public const string Path = "/openapi/v1.json";

    private const string KeyScheme = "apiKey";

    public static IServiceCollection AddApiDescription(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "LoginGuard",
                Version = "v1",
                Description = "Learners' activity, export and erasure; decisions explained; learners' answers to alert mail; health and metrics.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[KeyScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKey.Header,
                Description = "The caller's own key (Api:Keys:<key id>:Secret). Every path but /healthz/live needs it, and each needs "
                    + "a scope the key is granted: metrics (/metrics, /healthz/ready), feedback, learner:read, learner:erase, "
                    + "decisions:read (decisions, labels), audit:read. A key over its rate is answered 429.",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(KeyScheme, document)] = [] }];
            var live = Get("Whether the process answers; needs no key", ("200", "It does."));
            live.Operations![HttpMethod.Get].Security = [];
            document.Paths.Add("/healthz/live", live);
            document.Paths.Add("/healthz/ready", Get(
                "Whether Redis, mail, the rule set, the geo databases and Kafka let the worker decide",
                ("200", "Ready: every check Healthy or Degraded, each with its reason."),
                ("503", "Not ready: a check is Unhealthy.")));
            document.Paths.Add("/metrics", Get("Metrics in the Prometheus text format", ("200", "The metrics.")));
            return Task.CompletedTask;
        }));

    /// <summary>What every endpoint may answer besides its own results.</summary>
    public static RouteHandlerBuilder Described(this RouteHandlerBuilder endpoint, string name, string summary) =>
        endpoint.WithName(name).WithSummary(summary).ProducesProblem(StatusCodes.Status401Unauthorized);

    private static OpenApiPathItem Get(string summary, params (string Status, string Description)[] responses)
    {
        var answers = new OpenApiResponses();
        foreach (var (status, description) in responses)
        {
            answers[status] = new OpenApiResponse { Description = description };
        }

        answers["401"] = new OpenApiResponse { Description = "Missing or wrong API key." };
        return new OpenApiPathItem { Operations = new() { [HttpMethod.Get] = new OpenApiOperation { Summary = summary, Responses = answers } } };
    }
}
