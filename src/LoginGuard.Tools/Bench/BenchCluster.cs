using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Confluent.Kafka;

namespace LoginGuard.Tools.Bench;

/// <summary>
/// A three-broker librdkafka mock cluster in this process, for the bench and the integration tests (which
/// inject faults through <see cref="Handle"/>). Its partitions keep only about 5 MiB each and drop the
/// oldest silently, so the bench sizes topics by the bytes they will hold and counts what comes back.
/// </summary>
internal sealed class BenchCluster : IDisposable
{
    public const int Brokers = 3;
    public const int BytesPerPartition = 4 * 1024 * 1024;
    private readonly IProducer<byte[], byte[]> host;
    private readonly IntPtr cluster;

    public BenchCluster()
    {
        var config = new ProducerConfig();
        config.Set("test.mock.num.brokers", Brokers.ToString(CultureInfo.InvariantCulture));
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

    /// <summary>The native mock cluster, for the rd_kafka_mock_* calls; valid while this object lives.</summary>
    public IntPtr Handle => cluster;

    /// <summary>A topic with room for <paramref name="bytes"/> without the mock dropping any of it.</summary>
    public (string Name, int Partitions) CreateTopic(string name, long bytes)
    {
        var partitions = (int)Math.Clamp((bytes / BytesPerPartition) + 1, 4, 256);
        CreateTopicWithPartitions(name, partitions);
        return (name, partitions);
    }

    public void CreateTopicWithPartitions(string name, int partitions)
    {
        var error = MockClusterNative.rd_kafka_mock_topic_create(cluster, Encoding.UTF8.GetBytes(name + "\0"), partitions, Brokers);
        if (error != ErrorCode.NoError)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Mock cluster could not create topic {name}: {error}."));
        }
    }

    public void Dispose() => host.Dispose();
}
