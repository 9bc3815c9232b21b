using System.Reflection;
using System.Runtime.InteropServices;
using Confluent.Kafka;

namespace LoginGuard.Testing.Kafka;

public sealed partial class KafkaMockCluster
{
    /// <summary>
    /// librdkafka's mock-cluster API, bound to the very library Confluent.Kafka loaded (its fallback build, the
    /// one that exports rd_kafka_mock_*), so the handles it hands out are valid here.
    /// </summary>
    private static class Native
    {
        private const string Library = "loginguard-loaded-librdkafka";

        static Native() => NativeLibrary.SetDllImportResolver(typeof(Native).Assembly, Resolve);

        /// <summary>The rd_kafka_t behind a Confluent client, through its internal <c>Handle.LibrdkafkaHandle</c>.</summary>
        public static IntPtr NativeHandle(IClient client)
        {
            var property = client.Handle.GetType().GetProperty("LibrdkafkaHandle", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
                ?? throw new InvalidOperationException("Confluent.Kafka no longer exposes Handle.LibrdkafkaHandle.");
            return ((SafeHandle)property.GetValue(client.Handle)!).DangerousGetHandle();
        }

        [DllImport(Library)]
        public static extern IntPtr rd_kafka_handle_mock_cluster(IntPtr rk);

        [DllImport(Library)]
        public static extern IntPtr rd_kafka_mock_cluster_bootstraps(IntPtr mcluster);

        [DllImport(Library)]
        public static extern ErrorCode rd_kafka_mock_topic_create(IntPtr mcluster, byte[] nulTerminatedTopic, int partitions, int replicationFactor);

        [DllImport(Library)]
        public static extern ErrorCode rd_kafka_mock_broker_set_down(IntPtr mcluster, int brokerId);

        [DllImport(Library)]
        public static extern ErrorCode rd_kafka_mock_broker_set_up(IntPtr mcluster, int brokerId);

        [DllImport(Library)]
        public static extern ErrorCode rd_kafka_mock_broker_set_rtt(IntPtr mcluster, int brokerId, int rttMs);

        /// <remarks>
        /// Variadic in C, (error, rtt) pairs after <paramref name="count"/>; declared here with a single pair, which
        /// the x64 calling conventions pass in the same registers a variadic call uses.
        /// </remarks>
        [DllImport(Library)]
        public static extern ErrorCode rd_kafka_mock_broker_push_request_error_rtts(IntPtr mcluster, int brokerId, short apiKey, nuint count, ErrorCode error, int rttMs);

        [DllImport(Library)]
        public static extern ErrorCode rd_kafka_mock_broker_error_stack_cnt(IntPtr mcluster, int brokerId, short apiKey, out nuint count);

        [DllImport(Library)]
        public static extern void rd_kafka_mock_push_request_errors_array(IntPtr mcluster, short apiKey, nuint count, ErrorCode[] errors);

        /// <summary>Makes a broker the coordinator of a group (<paramref name="nulTerminatedKeyType"/> "group") or transaction.</summary>
        [DllImport(Library)]
        public static extern ErrorCode rd_kafka_mock_coordinator_set(IntPtr mcluster, byte[] nulTerminatedKeyType, byte[] nulTerminatedKey, int brokerId);

        [DllImport(Library)]
        public static extern void rd_kafka_mock_group_initial_rebalance_delay_ms(IntPtr mcluster, int delayMs);

        /// <summary>Empties the cluster-wide error stack of one API (not the per-broker ones).</summary>
        [DllImport(Library)]
        public static extern void rd_kafka_mock_clear_request_errors(IntPtr mcluster, short apiKey);

        [DllImport(Library)]
        public static extern ErrorCode rd_kafka_mock_partition_set_leader(IntPtr mcluster, byte[] nulTerminatedTopic, int partition, int brokerId);

        [DllImport(Library)]
        public static extern ErrorCode rd_kafka_mock_partition_delete_records(IntPtr mcluster, byte[] nulTerminatedTopic, int partition, long beforeOffset);

        [DllImport(Library)]
        public static extern void rd_kafka_mock_start_request_tracking(IntPtr mcluster);

        [DllImport(Library)]
        public static extern void rd_kafka_mock_stop_request_tracking(IntPtr mcluster);

        /// <summary>An array of the requests seen since tracking started; free it with <see cref="rd_kafka_mock_request_destroy_array"/>.</summary>
        [DllImport(Library)]
        public static extern IntPtr rd_kafka_mock_get_requests(IntPtr mcluster, out nuint count);

        [DllImport(Library)]
        public static extern short rd_kafka_mock_request_api_key(IntPtr request);

        [DllImport(Library)]
        public static extern void rd_kafka_mock_request_destroy_array(IntPtr requests, nuint count);

        private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath) =>
            name == Library ? NativeLibrary.Load(LoadedLibrdkafka()) : IntPtr.Zero;

        private static string LoadedLibrdkafka() =>
            File.ReadLines("/proc/self/maps")
                .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "")
                .FirstOrDefault(path => path.EndsWith("librdkafka.so", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("librdkafka is not loaded yet: create a Confluent client first.");
    }
}
