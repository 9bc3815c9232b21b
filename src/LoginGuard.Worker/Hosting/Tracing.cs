using LoginGuard.Kafka;
using OpenTelemetry.Trace;

namespace LoginGuard.Worker.Hosting;

/// <summary>
/// Exports each event's span over OTLP when the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (with
/// <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>OTEL_SERVICE_NAME</c> and the other OTEL_* settings the exporter reads).
/// Without it no span is recorded, and a decision still carries its event's trace context on.
/// </summary>
internal static class Tracing
{
    public const string EndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddTracing(this IServiceCollection services, IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(configuration[EndpointSetting]))
        {
            services.AddOpenTelemetry().WithTracing(tracing => tracing.AddSource(EventTracing.SourceName).AddOtlpExporter());
        }

        return services;
    }
}
