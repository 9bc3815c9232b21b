using Confluent.Kafka;
using LoginGuard.Worker.Bench;

namespace LoginGuard.IntegrationTests.Infrastructure;

/// <summary>
/// An in-process Kafka cluster of three brokers (librdkafka's mock cluster) that speaks the real protocol
/// on loopback ports, with faults on demand. It lives as long as the client that hosts it.
/// </summary>
public sealed class KafkaMockCluster : IDisposable
{
    public const int Brokers = BenchCluster.Brokers;
    private readonly BenchCluster mock = new();

    private IntPtr Native => mock.Handle;

    public string BootstrapServers => mock.BootstrapServers;

    /// <summary>A topic with a fresh name, so no test sees another's messages.</summary>
    public string CreateTopic(string prefix, int partitions)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
        mock.CreateTopicWithPartitions(name, partitions);
        return name;
    }

    public void SetBrokerDown(int brokerId) => Check(MockClusterNative.rd_kafka_mock_broker_set_down(Native, brokerId), $"take broker {brokerId} down");

    public void SetBrokerUp(int brokerId) => Check(MockClusterNative.rd_kafka_mock_broker_set_up(Native, brokerId), $"bring broker {brokerId} up");

    public void SetRoundTrip(int brokerId, TimeSpan rtt) =>
        Check(MockClusterNative.rd_kafka_mock_broker_set_rtt(Native, brokerId, (int)rtt.TotalMilliseconds), $"delay broker {brokerId}");

    /// <summary>The next requests of this API (to any broker) fail with these errors, one each, in order.</summary>
    public void FailNextRequests(ApiKey api, params ErrorCode[] errors) =>
        MockClusterNative.rd_kafka_mock_push_request_errors_array(Native, (short)api, (nuint)errors.Length, errors);

    public void Dispose() => mock.Dispose();

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
