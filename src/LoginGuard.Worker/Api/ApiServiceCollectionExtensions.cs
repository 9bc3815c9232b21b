using System.Threading.RateLimiting;
using LoginGuard.Alerts;
using LoginGuard.Alerts.Delivery;
using LoginGuard.Enrichment.GeoIp;
using LoginGuard.Feedback;
using LoginGuard.Kafka;
using LoginGuard.LearnerRecords;
using LoginGuard.Pipeline;
using LoginGuard.Scoring;
using LoginGuard.State;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using StackExchange.Redis;

namespace LoginGuard.Worker.Api;

/// <summary>
/// The HTTP API on the worker's own host: its endpoints use the worker's stores, logging and meters directly. It
/// listens only when <c>Api:Url</c> is set (which needs Redis), so the replay and the Kafka tests open no port.
/// </summary>
internal static class ApiServiceCollectionExtensions
{
    public const string Ready = "ready";

    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>();
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateOnStart();
        services.AddSingleton<ApiKey>();
        if (RedisConnection.ReadOptions(builder.Configuration).IsConfigured)
        {
            services.AddSingleton<AuditLog>();
        }

        services.AddProblemDetails();
        services.AddApiDescription();
        AddRateLimits(services);
        AddHealthChecks(services);
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(PipelineMetrics.MeterName, ScoringMetrics.MeterName, AlertMetrics.MeterName, FeedbackMetrics.MeterName, ErasureMetrics.MeterName, KafkaLagMetrics.MeterName)
            .AddPrometheusExporter());
        services.AddTransient<IStartupFilter, ApiPipeline>();

        // Request paths carry account ids: ASP.NET Core's request lines and routing traces (below Warning), and the
        // request scope (RequestPath) hosting puts around every line of a request, which it opens whenever its
        // category logs at all: hence None.
        builder.Logging
            .AddFilter("Microsoft.AspNetCore", LogLevel.Warning)
            .AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);

        var api = builder.Configuration.GetSection(ApiOptions.Section).Get<ApiOptions>();
        if (api?.IsEnabled == true)
        {
            // The slim builder leaves out Kestrel's https configuration: without this, an https Url stops start-up
            // instead of serving with the certificate from Kestrel:Certificates:Default.
            builder.WebHost.UseKestrelHttpsConfiguration().UseUrls(api.Url!);
        }
        else
        {
            services.AddSingleton<Microsoft.AspNetCore.Hosting.Server.IServer, NoListener>();
        }

        return builder;
    }

    /// <summary>
    /// Each key its own fixed window of <see cref="ApiKeyOptions.PermitsPerMinute"/>, partitioned by the key id the
    /// key check found, so one busy or leaked key cannot starve the others; requests without a key (only
    /// <c>/healthz/live</c> gets that far) are not limited.
    /// </summary>
    private static void AddRateLimits(IServiceCollection services) =>
        services.AddRateLimiter(limits =>
        {
            limits.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limits.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Items[ApiKey.KeyIdItem] is string keyId
                    ? RateLimitPartition.GetFixedWindowLimiter(keyId, id => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = context.RequestServices.GetRequiredService<ApiKey>()[id].PermitsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter(""));
        });

    private static void AddHealthChecks(IServiceCollection services)
    {
        var checks = services.AddHealthChecks()
            .Add(Check("redis", sp => new RedisHealthCheck(sp.GetRequiredService<IConnectionMultiplexer>())))
            .Add(Check("smtp", sp => new SmtpHealthCheck(sp.GetRequiredService<IOptions<SmtpOptions>>())))
            .Add(Check("rules", sp => new RuleSetHealthCheck(sp.GetRequiredService<RuleSetSource>())))
            .Add(Check("geoip", sp => new GeoIpHealthCheck(sp.GetRequiredService<IOptions<GeoIpOptions>>())));

        // Only where the worker consumes from Kafka: the replay and the API's own tests have no cluster to ask about.
        if (services.Any(service => service.ServiceType == typeof(KafkaFault)))
        {
            checks.Add(Check("kafka", sp => new KafkaHealthCheck(sp.GetRequiredService<KafkaFault>())));
        }
    }

    private static HealthCheckRegistration Check(string name, Func<IServiceProvider, IHealthCheck> create) =>
        new(name, create, failureStatus: null, tags: [Ready]);
}
