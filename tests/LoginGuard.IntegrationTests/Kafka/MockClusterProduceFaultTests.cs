using System.Collections.Concurrent;
using Confluent.Kafka;
using LoginGuard.Testing.Kafka;

namespace LoginGuard.IntegrationTests.Kafka;

/// <summary>
/// What librdkafka 2.16's mock cluster does with a faulted produce request from an idempotent producer that has no
/// transactional.id, which decides how the worker tests may fault one. The mock checks no sequence numbers for such
/// a producer (<c>rd_kafka_mock_validate_records</c> in rdkafka_mock.c returns before any PID or sequence check when
/// the TransactionalId is empty), so it neither refuses a request that skips an unwritten one nor recognises a retry
/// of a written one. librdkafka in turn rightly takes a later request's success as proof that the earlier ones were
/// written (<c>rd_kafka_handle_idempotent_Produce_success</c> in rdkafka_request.c, "implicitly acked"). A real broker
/// answers the first case with OUT_OF_ORDER_SEQUENCE_NUMBER and the second with DUPLICATE_SEQUENCE_NUMBER.
/// </summary>
public sealed class MockClusterProduceFaultTests(KafkaMockCluster cluster) : IClassFixture<KafkaMockCluster>
{
    private static readonly string[] Sent = ["m1", "m2", "m3"];

    [Theory]
    [InlineData(ErrorCode.RequestTimedOut)]
    [InlineData(ErrorCode.NotEnoughReplicas)]
    [InlineData(ErrorCode.NotLeaderForPartition)]
    public async Task Reports_a_message_delivered_that_it_never_wrote_when_a_later_request_to_its_partition_was_in_flight(ErrorCode injected)
    {
        using var probe = await Probe.StartAsync(cluster, maxInFlight: 5);

        // Answered this late, the failure finds the next two requests already sent even on a loaded machine, yet well
        // within the request timeout.
        cluster.FailNextRequest(probe.Leader, KafkaMockCluster.ApiKey.Produce, injected, answerAfter: Probe.RequestTimeout / 3);
        var reports = await probe.SendAsync(Sent);

        reports.Should().AllSatisfy(report => report.Error.IsError.Should().BeFalse());
        probe.Written().Should().Equal("m2", "m3");
    }

    [Fact]
    public async Task Writes_pipelined_requests_twice_when_their_answers_come_after_the_request_timeout()
    {
        using var probe = await Probe.StartAsync(cluster, maxInFlight: 5);

        cluster.FailNextRequest(probe.Leader, KafkaMockCluster.ApiKey.Produce, ErrorCode.RequestTimedOut, answerAfter: Probe.RequestTimeout * 2);
        var reports = await probe.SendAsync(Sent);

        reports.Should().AllSatisfy(report => report.Error.IsError.Should().BeFalse());
        probe.Written().Should().Equal("m2", "m3", "m1", "m2", "m3");
    }

    [Fact]
    public async Task Writes_each_message_once_when_a_lone_request_times_out_unwritten()
    {
        using var probe = await Probe.StartAsync(cluster, maxInFlight: 1);

        cluster.FailNextRequest(probe.Leader, KafkaMockCluster.ApiKey.Produce, ErrorCode.RequestTimedOut, answerAfter: Probe.RequestTimeout * 2);
        var reports = await probe.SendAsync(Sent);

        cluster.PendingFaults(probe.Leader, KafkaMockCluster.ApiKey.Produce).Should().Be(0, "the first request timed out");
        reports.Should().AllSatisfy(report => report.Error.IsError.Should().BeFalse());
        probe.Written().Should().Equal(Sent);
    }

    /// <summary>An idempotent producer on a fresh one-partition topic, past its first write, so its PID and leader are known.</summary>
    private sealed class Probe : IDisposable
    {
        public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(3);
        private readonly KafkaMockCluster cluster;
        private readonly string topic;
        private readonly IProducer<Null, string> producer;

        private Probe(KafkaMockCluster cluster, int maxInFlight)
        {
            this.cluster = cluster;
            topic = cluster.CreateTopic("probe", 1);
            Leader = cluster.Leaders(topic)[0];
            producer = new ProducerBuilder<Null, string>(new ProducerConfig
            {
                BootstrapServers = cluster.BootstrapServers,
                EnableIdempotence = true,
                LingerMs = 0,

                // One message per request whatever the timing: a loaded machine would otherwise let two share one.
                BatchNumMessages = 1,
                MaxInFlight = maxInFlight,
                SocketTimeoutMs = (int)RequestTimeout.TotalMilliseconds,
            }).SetLogHandler((_, _) => { }).Build();
        }

        public int Leader { get; }

        public static async Task<Probe> StartAsync(KafkaMockCluster cluster, int maxInFlight)
        {
            var probe = new Probe(cluster, maxInFlight);
            await probe.producer.ProduceAsync(probe.topic, new Message<Null, string> { Value = "first" });
            return probe;
        }

        /// <summary>Sends each value in a request of its own, then waits for every delivery report.</summary>
        public async Task<IReadOnlyCollection<DeliveryReport<Null, string>>> SendAsync(IEnumerable<string> values)
        {
            var reports = new ConcurrentQueue<DeliveryReport<Null, string>>();
            foreach (var value in values)
            {
                producer.Produce(topic, new Message<Null, string> { Value = value }, reports.Enqueue);
                await Task.Delay(30);
            }

            producer.Flush(TimeSpan.FromSeconds(20)).Should().Be(0, "every message gets its delivery report");
            reports.Should().HaveCount(values.Count(), "a report per message, the faulted one's included");
            return reports;
        }

        /// <summary>The values the partition holds after the first, in log order.</summary>
        public List<string> Written()
        {
            using var consumer = new ConsumerBuilder<Ignore, string>(new ConsumerConfig
            {
                BootstrapServers = cluster.BootstrapServers,
                GroupId = "probe-reader",
                EnableAutoCommit = false,
                EnablePartitionEof = true,
            }).SetLogHandler((_, _) => { }).Build();
            consumer.Assign(new TopicPartitionOffset(topic, 0, 1));
            var written = new List<string>();
            while (consumer.Consume(TimeSpan.FromSeconds(10)) is { IsPartitionEOF: false } result)
            {
                written.Add(result.Message.Value);
            }

            return written;
        }

        public void Dispose() => producer.Dispose();
    }
}
