using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Confluent.Kafka;

namespace LoginGuard.Testing.Kafka;

/// <summary>
/// An in-process Kafka cluster of three brokers (librdkafka's mock cluster) that speaks the real protocol on
/// loopback ports, with faults on demand, for the integration tests and <c>loginguard-tools bench pipeline</c>.
/// It lives as long as the client that hosts it. Its partitions keep only about 5 MiB each and drop the oldest
/// silently, so a topic meant to hold much is sized by the bytes it will hold (<see cref="CreateTopicFor"/>).
/// </summary>
public sealed partial class KafkaMockCluster : IDisposable
{
    public const int Brokers = 3;
    private const int BytesPerPartition = 4 * 1024 * 1024;
    private readonly IProducer<byte[], byte[]> host;
    private readonly IntPtr cluster;

    public KafkaMockCluster()
    {
        var config = new ProducerConfig();
        config.Set("test.mock.num.brokers", Brokers.ToString(CultureInfo.InvariantCulture));
        host = new ProducerBuilder<byte[], byte[]>(config).SetLogHandler((_, _) => { }).Build();
        cluster = Native.rd_kafka_handle_mock_cluster(Native.NativeHandle(host));
        if (cluster == IntPtr.Zero)
        {
            host.Dispose();
            throw new InvalidOperationException("librdkafka did not create a mock cluster.");
        }

        BootstrapServers = Marshal.PtrToStringUTF8(Native.rd_kafka_mock_cluster_bootstraps(cluster))!;

        // Groups form at once instead of waiting 3 s for more members.
        Native.rd_kafka_mock_group_initial_rebalance_delay_ms(cluster, 0);
    }

    public string BootstrapServers { get; }

    /// <summary>A topic with a fresh name, so no test sees another's messages.</summary>
    public string CreateTopic(string prefix, int partitions)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
        CreateTopicWithPartitions(name, partitions);
        return name;
    }

    /// <summary>A topic with room for <paramref name="bytes"/> without the mock dropping any of it.</summary>
    public (string Name, int Partitions) CreateTopicFor(string name, long bytes)
    {
        var partitions = (int)Math.Clamp((bytes / BytesPerPartition) + 1, 4, 256);
        CreateTopicWithPartitions(name, partitions);
        return (name, partitions);
    }

    public void CreateTopicWithPartitions(string name, int partitions) =>
        Check(Native.rd_kafka_mock_topic_create(cluster, Nul(name), partitions, Brokers), $"create topic {name}");

    public void SetBrokerDown(int brokerId) => Check(Native.rd_kafka_mock_broker_set_down(cluster, brokerId), $"take broker {brokerId} down");

    public void SetBrokerUp(int brokerId) => Check(Native.rd_kafka_mock_broker_set_up(cluster, brokerId), $"bring broker {brokerId} up");

    /// <summary>Every broker down, or up again: Kafka unreachable as a whole, as in an outage.</summary>
    public void SetAllBrokers(bool up)
    {
        for (var broker = 1; broker <= Brokers; broker++)
        {
            if (up)
            {
                SetBrokerUp(broker);
            }
            else
            {
                SetBrokerDown(broker);
            }
        }
    }

    public void SetRoundTrip(int brokerId, TimeSpan rtt) =>
        Check(Native.rd_kafka_mock_broker_set_rtt(cluster, brokerId, (int)rtt.TotalMilliseconds), $"delay broker {brokerId}");

    /// <summary>
    /// The broker's next request of this API fails with <paramref name="error"/> and writes nothing; its answer leaves
    /// after <paramref name="answerAfter"/>, holding back the answers behind it on the same connection. Answered later
    /// than the client's request timeout, the request times out on the client's own clock.
    /// </summary>
    public void FailNextRequest(int brokerId, ApiKey api, ErrorCode error, TimeSpan answerAfter = default)
    {
        // The C function is variadic, bound with one fixed (error, rtt) pair: right on x64, where variadic and
        // fixed arguments travel alike, and silently wrong where they do not (Apple arm64), so refuse elsewhere.
        if (RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            throw new PlatformNotSupportedException("Per-broker faults bind a variadic librdkafka function the x64 way; run these tests on x64.");
        }

        Check(
            Native.rd_kafka_mock_broker_push_request_error_rtts(cluster, brokerId, (short)api, 1, error, (int)answerAfter.TotalMilliseconds),
            $"fail broker {brokerId}'s next request");
    }

    /// <summary>How many of the faults given to this broker with <see cref="FailNextRequest"/> it has not yet applied.</summary>
    public int PendingFaults(int brokerId, ApiKey api)
    {
        Check(Native.rd_kafka_mock_broker_error_stack_cnt(cluster, brokerId, (short)api, out var count), $"count broker {brokerId}'s faults");
        return (int)count;
    }

    /// <summary>Makes <paramref name="brokerId"/> the group's coordinator, so faults given to that broker meet the group's commits.</summary>
    public void SetGroupCoordinator(string group, int brokerId) => Check(
        Native.rd_kafka_mock_coordinator_set(cluster, Nul("group"), Nul(group), brokerId),
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
        Native.rd_kafka_mock_push_request_errors_array(cluster, (short)api, (nuint)errors.Length, errors);

    /// <summary>Empties what <see cref="FailNextRequests"/> gave and no request met yet, so it falls on no later client.</summary>
    public void ClearFailures(ApiKey api) => Native.rd_kafka_mock_clear_request_errors(cluster, (short)api);

    /// <summary>Moves a partition's leadership, so a fault given to one broker meets one topic and spares the others.</summary>
    public void SetLeader(string topic, int partition, int brokerId) => Check(
        Native.rd_kafka_mock_partition_set_leader(cluster, Nul(topic), partition, brokerId),
        $"make broker {brokerId} the leader of {topic}[{partition}]");

    /// <summary>
    /// Drops the partition's messages before <paramref name="offset"/>, as a broker's retention does. The mock finds a
    /// fetch's offset by walking the partition's message sets from the oldest one kept, where a broker looks it up in an
    /// index: a reader of a long log costs the mock more the more the log holds, unless what is read is dropped.
    /// </summary>
    public void DeleteRecordsBefore(string topic, int partition, long offset) =>
        Check(Native.rd_kafka_mock_partition_delete_records(cluster, Nul(topic), partition, offset), $"delete {topic}[{partition}] before offset {offset}");

    /// <summary>From now on the cluster keeps every request it receives, for <see cref="RequestsOf"/>.</summary>
    public void TrackRequests() => Native.rd_kafka_mock_start_request_tracking(cluster);

    public void StopTrackingRequests() => Native.rd_kafka_mock_stop_request_tracking(cluster);

    /// <summary>How many requests of this API the cluster received since <see cref="TrackRequests"/>, from any client.</summary>
    public int RequestsOf(ApiKey api)
    {
        var requests = Native.rd_kafka_mock_get_requests(cluster, out var count);
        if (requests == IntPtr.Zero)
        {
            return 0;
        }

        try
        {
            var matching = 0;
            for (var i = 0; i < (int)count; i++)
            {
                if (Native.rd_kafka_mock_request_api_key(Marshal.ReadIntPtr(requests, i * IntPtr.Size)) == (short)api)
                {
                    matching++;
                }
            }

            return matching;
        }
        finally
        {
            Native.rd_kafka_mock_request_destroy_array(requests, count);
        }
    }

    public void Dispose() => host.Dispose();

    private static byte[] Nul(string text) => Encoding.UTF8.GetBytes(text + "\0");

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
