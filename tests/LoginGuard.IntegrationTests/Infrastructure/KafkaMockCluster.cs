using Confluent.Kafka;
using LoginGuard.Tools.Bench;

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

    /// <summary>
    /// The broker's next request of this API fails with <paramref name="error"/> and writes nothing; its answer leaves
    /// after <paramref name="answerAfter"/>, holding back the answers behind it on the same connection. Answered later
    /// than the client's request timeout, the request times out on the client's own clock.
    /// </summary>
    public void FailNextRequest(int brokerId, ApiKey api, ErrorCode error, TimeSpan answerAfter = default)
    {
        // The C function is variadic, bound with one fixed (error, rtt) pair: right on x64, where variadic and
        // fixed arguments travel alike, and silently wrong where they do not (Apple arm64), so refuse elsewhere.
        if (System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture != System.Runtime.InteropServices.Architecture.X64)
        {
            throw new PlatformNotSupportedException("Per-broker faults bind a variadic librdkafka function the x64 way; run these tests on x64.");
        }

        Check(
            MockClusterNative.rd_kafka_mock_broker_push_request_error_rtts(Native, brokerId, (short)api, 1, error, (int)answerAfter.TotalMilliseconds),
            $"fail broker {brokerId}'s next request");
    }

    /// <summary>How many of the faults given to this broker with <see cref="FailNextRequest"/> it has not yet applied.</summary>
    public int PendingFaults(int brokerId, ApiKey api)
    {
        Check(MockClusterNative.rd_kafka_mock_broker_error_stack_cnt(Native, brokerId, (short)api, out var count), $"count broker {brokerId}'s faults");
        return (int)count;
    }

    /// <summary>Makes <paramref name="brokerId"/> the group's coordinator, so faults given to that broker meet the group's commits.</summary>
    public void SetGroupCoordinator(string group, int brokerId) => Check(
        MockClusterNative.rd_kafka_mock_coordinator_set(Native, System.Text.Encoding.UTF8.GetBytes("group\0"), System.Text.Encoding.UTF8.GetBytes(group + "\0"), brokerId),
        $"make broker {brokerId} the coordinator of {group}");

    /// <summary>The broker leading each partition of the topic.</summary>
    public IReadOnlyDictionary<int, int> Leaders(string topic)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = BootstrapServers }).SetLogHandler((_, _) => { }).Build();
        return admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions.ToDictionary(p => p.PartitionId, p => p.Leader);
    }

    /// <summary>
    /// The next requests of this API (to any broker) fail with these errors, one each, in order. A broker once given
    /// faults of its own for this API with <see cref="FailNextRequest"/> no longer takes these (rd_kafka_mock_next_request_error).
    /// </summary>
    public void FailNextRequests(ApiKey api, params ErrorCode[] errors) =>
        MockClusterNative.rd_kafka_mock_push_request_errors_array(Native, (short)api, (nuint)errors.Length, errors);

    /// <summary>Empties what <see cref="FailNextRequests"/> gave and no request met yet, so it falls on no later client.</summary>
    public void ClearFailures(ApiKey api) => MockClusterNative.rd_kafka_mock_clear_request_errors(Native, (short)api);

    /// <summary>Moves a partition's leadership, so a fault given to one broker meets one topic and spares the others.</summary>
    public void SetLeader(string topic, int partition, int brokerId) => Check(
        MockClusterNative.rd_kafka_mock_partition_set_leader(Native, System.Text.Encoding.UTF8.GetBytes(topic + "\0"), partition, brokerId),
        $"make broker {brokerId} the leader of {topic}[{partition}]");

    /// <summary>From now on the cluster keeps every request it receives, for <see cref="RequestsOf"/>.</summary>
    public void TrackRequests() => MockClusterNative.rd_kafka_mock_start_request_tracking(Native);

    public void StopTrackingRequests() => MockClusterNative.rd_kafka_mock_stop_request_tracking(Native);

    /// <summary>How many requests of this API the cluster received since <see cref="TrackRequests"/>, from any client.</summary>
    public int RequestsOf(ApiKey api)
    {
        var requests = MockClusterNative.rd_kafka_mock_get_requests(Native, out var count);
        if (requests == IntPtr.Zero)
        {
            return 0;
        }

        try
        {
            var matching = 0;
            for (var i = 0; i < (int)count; i++)
            {
                if (MockClusterNative.rd_kafka_mock_request_api_key(System.Runtime.InteropServices.Marshal.ReadIntPtr(requests, i * IntPtr.Size)) == (short)api)
                {
                    matching++;
                }
            }

            return matching;
        }
        finally
        {
            MockClusterNative.rd_kafka_mock_request_destroy_array(requests, count);
        }
    }

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
