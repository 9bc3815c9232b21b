using LoginGuard.Activity;
using LoginGuard.Alerts;
using LoginGuard.Enrichment;
using LoginGuard.Feedback;
using LoginGuard.Kafka;
using LoginGuard.LearnerRecords;
using LoginGuard.Pipeline;
using LoginGuard.Scoring;
using LoginGuard.Scoring.Anomaly;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using System.Threading.RateLimiting;
using StackExchange.Redis;
using LoginGuard.Enrichment.GeoIp;
using LoginGuard.Alerts.Delivery;

namespace LoginGuard.Worker.Api;

/// <summary>
/// The API as its own small ASP.NET Core application inside the worker: it shares the worker's stores, logging
/// and meters, and only exists when <c>Api:Url</c> is set, so the replay and the Kafka tests open no port.
/// </summary>
internal static class ApiApplication
{
    private const string Ready = "ready";

    public static WebApplication Build(IServiceProvider worker, string url)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = worker.GetRequiredService<IHostEnvironment>().EnvironmentName,
        });
        // One configuration for the whole worker: the API's log levels are the ones the operator set. Before
        // UseUrls, which writes its own key into this configuration.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(worker.GetRequiredService<IConfiguration>());
        builder.WebHost.UseUrls(url);

        // Into the worker's own log pipeline, less what quotes request paths, which carry account ids: ASP.NET
        // Core's request lines and routing traces (below Warning), and the request scope (RequestPath) hosting
        // puts around every line of a request, which it opens whenever its category logs at all: hence None.
        builder.Logging.ClearProviders()
            .AddProvider(new ForwardingLoggerProvider(worker.GetRequiredService<ILoggerFactory>()))
            .AddFilter("Microsoft.AspNetCore", LogLevel.Warning)
            .AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        Share(builder.Services, worker);
        builder.Services.AddProblemDetails();
        AddRateLimits(builder.Services, worker.GetRequiredService<ApiKey>());
        builder.Services.AddApiDescription();
        AddHealthChecks(builder.Services, worker);
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(PipelineMetrics.MeterName, ScoringMetrics.MeterName, AlertMetrics.MeterName, KafkaLagMetrics.MeterName)
            .AddPrometheusExporter());

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.Use(app.Services.GetRequiredService<ApiKey>().RequireAsync);
        app.UseRateLimiter();
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync })
            .WithMetadata(new OpenToAnyone());
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = HealthResponse.WriteAsync })
            .RequireScope(ApiScopes.Metrics);
        app.MapPrometheusScrapingEndpoint("/metrics").RequireScope(ApiScopes.Metrics);
        app.MapOpenApi(ApiDescription.Path);
        app.MapLearnerEndpoints().MapDecisionEndpoints().MapFeedbackEndpoints().MapAuditEndpoints();
        return app;
    }

    /// <summary>The worker's own instances, not copies: one multiplexer, one set of stores.</summary>
    private static void Share(IServiceCollection services, IServiceProvider worker)
    {
        services.AddSingleton(worker.GetRequiredService<TimeProvider>());
        services.AddSingleton(worker.GetRequiredService<ApiKey>());
        services.AddSingleton(worker.GetRequiredService<AuditLog>());
        services.AddSingleton(worker.GetRequiredService<StateKeyMaker>());
        services.AddSingleton(worker.GetRequiredService<RedisLearnerRecords>());
        services.AddSingleton(worker.GetRequiredService<LearnerExporter>());
        services.AddSingleton(worker.GetRequiredService<LearnerEraser>());
        services.AddSingleton(worker.GetRequiredService<IOptions<ActivityOptions>>());
        services.AddSingleton(worker.GetRequiredService<FeedbackTokens>());
        services.AddSingleton(worker.GetRequiredService<RuleSetSource>());
        services.AddSingleton(worker.GetRequiredService<AnomalyModelRule>());
        Forward<RedisFeedbackStore>(services, worker);
        Forward<FeedbackService>(services, worker);
    }

    /// <summary>
    /// Each key its own fixed window of <see cref="ApiKeyOptions.PermitsPerMinute"/>, partitioned by the key id the
    /// key check found, so one busy or leaked key cannot starve the others; requests without a key (only
    /// <c>/healthz/live</c> gets that far) are not limited.
    /// </summary>
    private static void AddRateLimits(IServiceCollection services, ApiKey keys) =>
        services.AddRateLimiter(limits =>
        {
            limits.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limits.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Items[ApiKey.KeyIdItem] is string keyId
                    ? RateLimitPartition.GetFixedWindowLimiter(keyId, id => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = keys[id].PermitsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter(""));
        });

    /// <summary>Only what the worker has: feedback answers need Kafka, which the API alone does not.</summary>
    private static void Forward<T>(IServiceCollection services, IServiceProvider worker)
        where T : class
    {
        if (worker.GetService<T>() is { } instance)
        {
            services.AddSingleton(instance);
        }
    }

    private static void AddHealthChecks(IServiceCollection services, IServiceProvider worker)
    {
        var checks = services.AddHealthChecks()
            .AddCheck("redis", new RedisHealthCheck(worker.GetRequiredService<IConnectionMultiplexer>()), tags: [Ready])
            .AddCheck("smtp", new SmtpHealthCheck(worker.GetRequiredService<IOptions<SmtpOptions>>()), tags: [Ready])
            .AddCheck("rules", new RuleSetHealthCheck(worker.GetRequiredService<RuleSetSource>()), tags: [Ready])
            .AddCheck("geoip", new GeoIpHealthCheck(worker.GetRequiredService<IOptions<GeoIpOptions>>()), tags: [Ready]);
        if (worker.GetService<KafkaFault>() is { } fault)
        {
            checks.AddCheck("kafka", new KafkaHealthCheck(fault), tags: [Ready]);
        }
    }
}
