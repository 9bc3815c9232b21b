using System.Diagnostics;
using Confluent.Kafka;
using LoginGuard.Testing.Kafka;

namespace LoginGuard.Tools.Bench;

/// <summary>Reads a topic from its start, as a downstream service or the bench's own ceiling does.</summary>
internal static class BenchReader
{
    /// <summary>
    /// The ceiling for consuming: <paramref name="messages"/>, produced to a topic of their own with
    /// <paramref name="partitions"/> partitions and then read from its start with no work at all, in messages per second.
    /// </summary>
    public static double RawConsumeRate(KafkaMockCluster cluster, int partitions, IEnumerable<Message<byte[]?, byte[]?>> messages)
    {
        var topic = cluster.CreateTopic("bench-ceiling", partitions);
        using (var producer = BenchEvents.Producer(cluster.BootstrapServers))
        {
            BenchEvents.Produce(producer, topic, partitions, messages, 0, _ => true, (_, _) => { });
        }

        using var consumer = Assigned(cluster.BootstrapServers, topic, partitions, partitionEof: true);
        var (read, ended) = (0, 0);
        var clock = Stopwatch.StartNew();
        while (ended < partitions && clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            switch (consumer.Consume(TimeSpan.FromMilliseconds(100)))
            {
                case { IsPartitionEOF: true }:
                    ended++;
                    break;
                case not null:
                    read++;
                    break;
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        consumer.Close();
        return read / seconds;
    }

    public static IConsumer<byte[]?, byte[]?> Assigned(string bootstrapServers, string topic, int partitions, bool partitionEof = false)
    {
        var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = "bench-reader",
            EnableAutoCommit = false,
            EnablePartitionEof = partitionEof,
            FetchWaitMaxMs = 5,
        }).SetLogHandler((_, _) => { }).Build();
        consumer.Assign(Enumerable.Range(0, partitions).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        return consumer;
    }
}
