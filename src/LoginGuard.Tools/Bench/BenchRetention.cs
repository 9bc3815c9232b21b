using Confluent.Kafka;
using LoginGuard.Testing.Kafka;

namespace LoginGuard.Tools.Bench;

/// <summary>
/// Retention for the bench's topics: every quarter second, drops what every reader is done with — the events the
/// workers' group has committed, the decisions the bench has read. librdkafka's mock finds each fetch's offset by
/// walking a partition's message sets from the oldest it keeps (rd_kafka_mock_msgset_find, which librdkafka marks as
/// wanting an index), where a broker looks it up in one; on a log of thousands of sets that walk was 9 % of the machine at
/// 2,000 events/s, a cost of the harness that no deployment pays. Nothing unread is dropped, so a worker that restarts
/// still finds every event it has not committed.
/// </summary>
internal sealed class BenchRetention : IDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(250);

    private readonly KafkaMockCluster cluster;
    private readonly BenchTopics topics;
    private readonly BenchDecisions decisions;
    private readonly IAdminClient admin;
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;
    private readonly long[] eventsDropped;
    private readonly long[] decisionsDropped;

    public BenchRetention(KafkaMockCluster cluster, BenchTopics topics, BenchDecisions decisions)
    {
        this.cluster = cluster;
        this.topics = topics;
        this.decisions = decisions;
        eventsDropped = new long[topics.EventPartitions];
        decisionsDropped = new long[topics.DecisionPartitions];
        admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = cluster.BootstrapServers }).SetLogHandler((_, _) => { }).Build();
        running = Task.Run(RunAsync);
    }

    public void Dispose()
    {
        stop.Cancel();
        running.GetAwaiter().GetResult();
        admin.Dispose();
        stop.Dispose();
    }

    private async Task RunAsync()
    {
        var eventPartitions = Enumerable.Range(0, topics.EventPartitions).Select(p => new TopicPartition(topics.Events, p)).ToList();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Every, stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            for (var partition = 0; partition < decisionsDropped.Length; partition++)
            {
                Drop(topics.Decisions, partition, decisions.ReadUpTo(partition), decisionsDropped);
            }

            foreach (var committed in await CommittedAsync(eventPartitions))
            {
                Drop(topics.Events, committed.Partition.Value, committed.Offset.Value, eventsDropped);
            }
        }
    }

    private async Task<IReadOnlyList<TopicPartitionOffsetError>> CommittedAsync(List<TopicPartition> partitions)
    {
        try
        {
            var groups = await admin.ListConsumerGroupOffsetsAsync([new ConsumerGroupTopicPartitions(BenchWorker.GroupId, partitions)]);
            return groups.Single().Partitions;
        }
        catch (KafkaException)
        {
            // The coordinator is busy or the group forming: the next round asks again, and meanwhile nothing is dropped.
            return [];
        }
    }

    private void Drop(string topic, int partition, long before, long[] dropped)
    {
        if (before > dropped[partition])
        {
            cluster.DeleteRecordsBefore(topic, partition, before);
            dropped[partition] = before;
        }
    }
}
