using System.Diagnostics;
using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using LoginGuard.Tools.Generation;
using LoginGuard.Tools.Generation.Geo;
using LoginGuard.Worker.Hosting;

namespace LoginGuard.Tools.Bench;

/// <summary>Realistic auth events from the sample generator (a credential-stuffing wave among them), keyed by learner.</summary>
internal static class BenchEvents
{
    /// <summary>
    /// Learners generated at a time: one cohort's first day takes ≈ 240 MB to make, where a million learners at once
    /// took more than 14 GB.
    /// </summary>
    public const int LearnersPerCohort = 10_000;

    /// <summary><paramref name="count"/> events of <paramref name="learners"/> learners.</summary>
    public static List<Message<byte[]?, byte[]?>> Generate(int count, int learners) => Stream(count, learners).ToList();

    /// <summary>
    /// <paramref name="count"/> events of <paramref name="learners"/> learners, generated as they are taken, a cohort at
    /// a time (<see cref="LoginEventGenerator.Cohorts"/>), an even share from each cohort, over the fewest days that
    /// hold a share; a few fewer when the last cohort has fewer learners than the others.
    /// </summary>
    public static IEnumerable<Message<byte[]?, byte[]?>> Stream(int count, int learners)
    {
        var geo = GeoCatalogue.Load(Path.GetDirectoryName(SampleData.Find("geoip/city-ranges.csv"))
            ?? throw new InvalidOperationException("data-samples/geoip/city-ranges.csv not found: run from the repository."));
        var share = (int)Math.Ceiling(count / (double)CohortsOf(learners));
        var days = DaysFor(share, learners, geo);
        return LoginEventGenerator.Cohorts(Settings(learners, days), geo, LearnersPerCohort, share)
            .Where(line => line.IsEvent)
            .Take(count)
            .Select(line => ToMessage(line.Text));
    }

    public static string EventId(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("eventId"u8))
            {
                reader.Read();
                return reader.GetString()!;
            }
        }

        return "";
    }

    /// <summary>
    /// The partition of the events topic a learner's events go to, and so the one their decisions come from: the CRC-32
    /// of the key, as librdkafka's default partitioner places them, chosen here so the bench can count per partition.
    /// </summary>
    public static int PartitionOf(byte[] key, int partitions) => (int)(Crc32.HashToUInt32(key) % (uint)partitions);

    /// <summary>
    /// The bench's producer, as a platform service's would be: idempotent, batching with librdkafka's default
    /// <c>linger.ms</c> of 5 (also Kafka 4.0's Java default), so an event waits up to 5 ms in it, and that wait counts in
    /// the latency measured, since each message is stamped before it is handed over.
    /// </summary>
    public static IProducer<byte[]?, byte[]?> Producer(string bootstrapServers) =>
        new ProducerBuilder<byte[]?, byte[]?>(new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            EnableIdempotence = true,
            LingerMs = 5,
        }).SetLogHandler((_, _) => { }).Build();

    /// <summary>
    /// Produces to <paramref name="partitions"/> partitions at a steady offered load (0: as fast as the client takes
    /// them): each message no earlier than its turn and only once <paramref name="maySend"/> says so for its partition;
    /// the message timestamps say when each was sent. Returns how many were, once the producer has delivered them.
    /// </summary>
    public static long Produce(
        IProducer<byte[]?, byte[]?> producer, string topic, int partitions, IEnumerable<Message<byte[]?, byte[]?>> messages, int ratePerSecond, Func<int, bool> maySend, Action<Message<byte[]?, byte[]?>, int> sent)
    {
        var clock = Stopwatch.StartNew();
        var count = 0L;
        foreach (var message in messages)
        {
            var partition = PartitionOf(message.Key!, partitions);
            while ((ratePerSecond > 0 && count * 1000 / ratePerSecond > clock.ElapsedMilliseconds) || !maySend(partition))
            {
                Thread.Sleep(1);
            }

            var stamped = new Message<byte[]?, byte[]?> { Key = message.Key, Value = message.Value, Timestamp = new Timestamp(DateTime.UtcNow) };
            while (true)
            {
                try
                {
                    producer.Produce(new TopicPartition(topic, partition), stamped);
                    break;
                }
                catch (ProduceException<byte[]?, byte[]?> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
                {
                    producer.Poll(TimeSpan.FromMilliseconds(10));
                }
            }

            sent(stamped, partition);
            count++;
        }

        producer.Flush(TimeSpan.FromMinutes(1));
        return count;
    }

    // Every cohort is as busy as the first, so the first one's events tell how many days a cohort needs for its share.
    private static int DaysFor(int share, int learners, GeoCatalogue geo)
    {
        for (var days = 1; ; days *= 2)
        {
            var events = LoginEventGenerator.Generate(Settings(learners, days) with { Users = Math.Min(learners, LearnersPerCohort) }, geo).Events.LongCount();
            if (events >= share || days > 3650)
            {
                return days;
            }
        }
    }

    // The cohorts follow one another day after day, and the worker refuses events dated ahead of its clock: the
    // last cohort ends yesterday.
    private static GenerationSettings Settings(int learners, int days) =>
        new(learners, days, Seed: 1, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-(CohortsOf(learners) * days) - 1));

    private static int CohortsOf(int learners) => (learners + LearnersPerCohort - 1) / LearnersPerCohort;

    private static Message<byte[]?, byte[]?> ToMessage(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new Message<byte[]?, byte[]?>
        {
            Key = Encoding.UTF8.GetBytes(document.RootElement.GetProperty("userId").GetString()!),
            Value = Encoding.UTF8.GetBytes(json),
        };
    }
}
