using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LoginGuard.IntegrationTests.Kafka;

/// <summary>Keeps what was logged at Information or above (ids and text, never payloads), to see what the worker did.</summary>
internal sealed partial class CapturedLog : ILoggerProvider
{
    public ConcurrentQueue<(int EventId, string Message)> Lines { get; } = new();

    public bool Saw(int eventId) => Lines.Any(line => line.EventId == eventId);

    /// <summary>The partitions this worker owns now, from its assigned, revoked and lost lines.</summary>
    public IReadOnlySet<int> OwnedPartitions()
    {
        var owned = new HashSet<int>();
        foreach (var (eventId, message) in Lines)
        {
            var partitions = PartitionNumber().Matches(message).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            if (eventId == LoginGuard.EventIds.KafkaPartitionsAssigned)
            {
                owned.UnionWith(partitions);
            }
            else if (eventId is LoginGuard.EventIds.KafkaPartitionsRevoked or LoginGuard.EventIds.KafkaPartitionsLost)
            {
                owned.ExceptWith(partitions);
            }
        }

        return owned;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\[(\d+)\]")]
    private static partial System.Text.RegularExpressions.Regex PartitionNumber();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log.Lines.Enqueue((eventId.Id, formatter(state, exception)));
            }
        }
    }
}
