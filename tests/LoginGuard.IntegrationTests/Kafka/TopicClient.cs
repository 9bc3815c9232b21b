using System.Diagnostics;
using Confluent.Kafka;
using LoginGuard.Testing.Kafka;

namespace LoginGuard.IntegrationTests.Kafka;

/// <summary>What a platform service and a downstream reader do: publish messages, read a topic from the start.</summary>
internal static class TopicClient
{
    public static void Publish(KafkaMockCluster cluster, string topic, IEnumerable<SampleMessage> messages)
    {
        using var producer = new ProducerBuilder<byte[]?, byte[]?>(new ProducerConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            EnableIdempotence = true,
            LingerMs = 5,

            // Room for the oversized events some tests publish: a platform may allow more than LoginGuard's producer.
            MessageMaxBytes = 2_000_000,
        }).SetLogHandler((_, _) => { }).Build();
        foreach (var message in messages)
        {
            producer.Produce(topic, new Message<byte[]?, byte[]?> { Key = message.Key, Value = message.Value, Headers = message.Headers });
        }

        producer.Flush(TimeSpan.FromSeconds(30));
    }

    /// <summary>The oldest offset a partition still holds: what retention (the mock's ≈ 5 MiB per partition) has not deleted.</summary>
    public static long LogStart(KafkaMockCluster cluster, string topic, int partition)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            GroupId = "reader",
        }).SetLogHandler((_, _) => { }).Build();
        return consumer.QueryWatermarkOffsets(new TopicPartition(topic, partition), TimeSpan.FromSeconds(10)).Low.Value;
    }

    /// <summary>
    /// Reads every partition from the beginning until <paramref name="enough"/> holds, then until the topic has
    /// been quiet for <paramref name="settle"/> (half a second unless told), so that anything written twice shows up too.
    /// </summary>
    public static async Task<List<ConsumeResult<byte[]?, byte[]?>>> ReadAsync(
        KafkaMockCluster cluster, string topic, int partitions, Func<IReadOnlyList<ConsumeResult<byte[]?, byte[]?>>, bool> enough, TimeSpan timeout, TimeSpan? settle = null)
    {
        var quietEnough = settle ?? TimeSpan.FromMilliseconds(500);
        return await Task.Run(() =>
        {
            using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
            {
                BootstrapServers = cluster.BootstrapServers,
                GroupId = "reader",
                EnableAutoCommit = false,
                FetchWaitMaxMs = 5,
            }).SetLogHandler((_, _) => { }).Build();
            consumer.Assign(Enumerable.Range(0, partitions).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
            var read = new List<ConsumeResult<byte[]?, byte[]?>>();
            var clock = Stopwatch.StartNew();
            var quiet = Stopwatch.StartNew();
            while (clock.Elapsed < timeout && !(quiet.Elapsed >= quietEnough && enough(read)))
            {
                if (consumer.Consume(TimeSpan.FromMilliseconds(50)) is { } result)
                {
                    read.Add(result);
                    quiet.Restart();
                }
            }

            consumer.Close();
            return read;
        });
    }
}
