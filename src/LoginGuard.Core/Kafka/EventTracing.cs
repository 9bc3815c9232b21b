using System.Diagnostics;
using System.Text;
using Confluent.Kafka;

namespace LoginGuard.Kafka;

/// <summary>
/// A span per consumed event, continuing the trace its producer started: W3C trace context read from the event's
/// <c>traceparent</c>/<c>tracestate</c> headers and written to its decision's, so a platform's tracing follows a
/// sign-in from the service that saw it to the one that acts on LoginGuard's decision.
/// </summary>
internal static class EventTracing
{
    public const string SourceName = "LoginGuard";

    public const string TraceParentHeader = "traceparent";

    public const string TraceStateHeader = "tracestate";

    private static readonly ActivitySource Source = new(SourceName);

    public static ActivityContext ParentOf(Headers? headers) =>
        Text(headers, TraceParentHeader) is { } parent && ActivityContext.TryParse(parent, Text(headers, TraceStateHeader), isRemote: true, out var context)
            ? context
            : default;

    /// <summary>
    /// Starts the event's span without making it current: a lane starts one per event of its batch, and each must
    /// hang from its own producer's span, not from the previous event's. Null when no one listens (no tracing set up).
    /// </summary>
    public static System.Diagnostics.Activity? Start(ConsumedEvent consumed)
    {
        var current = System.Diagnostics.Activity.Current;
        var span = Source.StartActivity("loginguard.decide", ActivityKind.Consumer, consumed.Parent);
        System.Diagnostics.Activity.Current = current;
        span?.SetTag("messaging.system", "kafka");
        span?.SetTag("messaging.destination.name", consumed.Topic);
        span?.SetTag("messaging.kafka.destination.partition", consumed.Partition);
        span?.SetTag("messaging.kafka.message.offset", consumed.Offset);
        return span;
    }

    /// <summary>The context a decision carries on: the event's span, or with no tracing set up, the producer's own.</summary>
    public static ActivityContext ContextFor(ConsumedEvent consumed, System.Diagnostics.Activity? span) => span?.Context ?? consumed.Parent;

    public static void Write(Headers headers, ActivityContext context)
    {
        if (context == default)
        {
            return;
        }

        var flags = context.TraceFlags.HasFlag(ActivityTraceFlags.Recorded) ? "01" : "00";
        headers.Add(TraceParentHeader, Encoding.ASCII.GetBytes($"00-{context.TraceId.ToHexString()}-{context.SpanId.ToHexString()}-{flags}"));
        if (!string.IsNullOrEmpty(context.TraceState))
        {
            headers.Add(TraceStateHeader, Encoding.ASCII.GetBytes(context.TraceState));
        }
    }

    private static string? Text(Headers? headers, string name) =>
        headers is not null && headers.TryGetLastBytes(name, out var bytes) ? Encoding.ASCII.GetString(bytes) : null;
}
