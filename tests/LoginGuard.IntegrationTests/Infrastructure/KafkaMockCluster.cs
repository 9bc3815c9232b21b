using System.Runtime.InteropServices;
using Confluent.Kafka;
using LoginGuard.Worker.Bench;

namespace LoginGuard.IntegrationTests.Infrastructure;

/// <summary>
/// An in-process Kafka cluster of three brokers (librdkafka's mock cluster) that speaks the real protocol
/// on loopback ports, with faults on demand. It lives as long as the client that hosts it.
/// </summary>
public sealed class KafkaMockCluster : IDisposable
{
    public const int Brokers = 3;
    private readonly IProducer<byte[], byte[]> host;
    private readonly IntPtr cluster;

    public KafkaMockCluster()
    {
        var config = new ProducerConfig();
        config.Set("test.mock.num.brokers", Brokers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        host = new ProducerBuilder<byte[], byte[]>(config).SetLogHandler((_, _) => { }).Build();
        cluster = MockClusterNative.rd_kafka_handle_mock_cluster(MockClusterNative.NativeHandle(host));
        if (cluster == IntPtr.Zero)
        {
            throw new InvalidOperationException("librdkafka did not create a mock cluster.");
        }

        BootstrapServers = Marshal.PtrToStringUTF8(MockClusterNative.rd_kafka_mock_cluster_bootstraps(cluster))!;

        // Groups form at once instead of waiting 3 s for more members.
        MockClusterNative.rd_kafka_mock_group_initial_rebalance_delay_ms(cluster, 0);
    }

    public string BootstrapServers { get; }

    /// <summary>A topic with a fresh name, so no test sees another's messages.</summary>
    public string CreateTopic(string prefix, int partitions)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
        Check(MockClusterNative.rd_kafka_mock_topic_create(cluster, System.Text.Encoding.UTF8.GetBytes(name + "\0"), partitions, Brokers), $"create topic {name}");
        return name;
    }

    public void SetBrokerDown(int brokerId) => Check(MockClusterNative.rd_kafka_mock_broker_set_down(cluster, brokerId), $"take broker {brokerId} down");

    public void SetBrokerUp(int brokerId) => Check(MockClusterNative.rd_kafka_mock_broker_set_up(cluster, brokerId), $"bring broker {brokerId} up");

    public void SetRoundTrip(int brokerId, TimeSpan rtt) =>
        Check(MockClusterNative.rd_kafka_mock_broker_set_rtt(cluster, brokerId, (int)rtt.TotalMilliseconds), $"delay broker {brokerId}");

    /// <summary>The next requests of this API (to any broker) fail with these errors, one each, in order.</summary>
    public void FailNextRequests(ApiKey api, params ErrorCode[] errors) =>
        MockClusterNative.rd_kafka_mock_push_request_errors_array(cluster, (short)api, (nuint)errors.Length, errors);

    public void Dispose() => host.Dispose();

    private static void Check(ErrorCode error, string what)
    {
        if (error != ErrorCode.NoError)
        {
            throw new InvalidOperationException($"Mock cluster could not {what}: {error}.");
        }
    }

    /// <summary>Kafka protocol API keys the tests fail on purpose.</summary>
    public enum ApiKey : short
    {
        Produce = 0,
        Fetch = 1,
        OffsetCommit = 8,
        Heartbeat = 12,
    }
}
