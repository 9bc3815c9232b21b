using System.Diagnostics;
using Confluent.Kafka;

namespace LoginGuard.Tools.Bench;

/// <summary>Reads a whole topic from its start, as a downstream service or the bench's own ceiling does.</summary>
internal static class BenchReader
{
    /// <summary>Each message's event id and the time its producer stamped on it, until <paramref name="count"/> distinct ids or the timeout.</summary>
    public static Dictionary<string, DateTime> ReadStamps(string bootstrapServers, string topic, int partitions, int count, TimeSpan timeout)
    {
        var stamps = new Dictionary<string, DateTime>(count, StringComparer.Ordinal);
        using var consumer = Assigned(bootstrapServers, topic, partitions);
        var clock = Stopwatch.StartNew();
        while (stamps.Count < count && clock.Elapsed < timeout)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is { } result)
            {
                stamps.TryAdd(BenchEvents.EventId(result.Message.Value!), result.Message.Timestamp.UtcDateTime);
            }
        }

        consumer.Close();
        return stamps;
    }

    /// <summary>The ceiling for consuming: <paramref name="count"/> messages taken from the topic with no work at all, in messages per second.</summary>
    public static double RawConsumeRate(string bootstrapServers, string topic, int partitions, int count)
    {
        using var consumer = Assigned(bootstrapServers, topic, partitions);
        var read = 0;
        var clock = Stopwatch.StartNew();
        while (read < count && clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is not null)
            {
                read++;
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        consumer.Close();
        return read / seconds;
    }

    private static IConsumer<byte[]?, byte[]?> Assigned(string bootstrapServers, string topic, int partitions)
    {
        var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = "bench-reader",
            EnableAutoCommit = false,
            FetchWaitMaxMs = 5,
        }).SetLogHandler((_, _) => { }).Build();
        consumer.Assign(Enumerable.Range(0, partitions).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        return consumer;
    }
}
