using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Testing;

namespace LoginGuard.Testing.Logging;

/// <summary>
/// What tests ask of a worker's log, over the records of dotnet/extensions' <see cref="FakeLogCollector"/> (a
/// <see cref="FakeLoggerProvider"/> added to the host): whether an event id was logged, what a line says in full.
/// </summary>
internal static partial class LogRecords
{
    public static bool Saw(this FakeLogCollector log, int eventId) => log.GetSnapshot().Any(record => record.Id.Id == eventId);

    public static int Count(this FakeLogCollector log, int eventId) => log.GetSnapshot().Count(record => record.Id.Id == eventId);

    /// <summary>Each record as one line holding everything it carries (message, structured values, scopes, exception), to search for what must never be logged.</summary>
    public static IReadOnlyList<string> Everything(this FakeLogCollector log) =>
        log.GetSnapshot()
            .Select(record => string.Join(
                ' ',
                record.Category,
                $"[{record.Id.Id}]",
                record.Message,
                string.Join(' ', (record.StructuredState ?? []).Select(pair => $"{pair.Key}={pair.Value}")),
                string.Join(' ', record.Scopes.Select(scope => $"scope: {scope}")),
                record.Exception))
            .ToList();

    /// <summary>The partitions a worker owns now, from its assigned, revoked and lost lines.</summary>
    public static IReadOnlySet<int> OwnedPartitions(this FakeLogCollector log)
    {
        var owned = new HashSet<int>();
        foreach (var record in log.GetSnapshot())
        {
            var partitions = PartitionNumber().Matches(record.Message).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            if (record.Id.Id == EventIds.KafkaPartitionsAssigned)
            {
                owned.UnionWith(partitions);
            }
            else if (record.Id.Id is EventIds.KafkaPartitionsRevoked or EventIds.KafkaPartitionsLost)
            {
                owned.ExceptWith(partitions);
            }
        }

        return owned;
    }

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex PartitionNumber();
}
