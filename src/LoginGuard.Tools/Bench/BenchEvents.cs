using System.Diagnostics;
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

    /// <summary><paramref name="count"/> events of <paramref name="learners"/> learners, in event-time order.</summary>
    public static List<Message<byte[]?, byte[]?>> Generate(int count, int learners) => Stream(count, learners).ToList();

    /// <summary>
    /// <paramref name="count"/> events of <paramref name="learners"/> learners, generated as they are taken, a cohort at
    /// a time (<see cref="LoginEventGenerator.Cohorts"/>), over the fewest days that hold them; a few fewer when the
    /// last cohort is short of the first one's pace.
    /// </summary>
    public static IEnumerable<Message<byte[]?, byte[]?>> Stream(int count, int learners)
    {
        var geo = GeoCatalogue.Load(Path.GetDirectoryName(SampleData.Find("geoip/city-ranges.csv"))
            ?? throw new InvalidOperationException("data-samples/geoip/city-ranges.csv not found: run from the repository."));
        var days = DaysFor(count, learners, geo);
        return LoginEventGenerator.Cohorts(Settings(learners, days), geo, LearnersPerCohort)
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
    /// Produces at a steady offered load (0: as fast as the client takes them): each message no earlier than its turn
    /// and only once <paramref name="maySend"/> says so; the message timestamps say when each was sent. Returns how many were.
    /// </summary>
    public static long Produce(string bootstrapServers, string topic, IEnumerable<Message<byte[]?, byte[]?>> messages, int ratePerSecond, Func<bool> maySend, Action<Message<byte[]?, byte[]?>> sent)
    {
        using var producer = new ProducerBuilder<byte[]?, byte[]?>(new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            EnableIdempotence = true,
            LingerMs = ratePerSecond > 0 ? 0 : 5,
        }).SetLogHandler((_, _) => { }).Build();
        var clock = Stopwatch.StartNew();
        var count = 0L;
        foreach (var message in messages)
        {
            while ((ratePerSecond > 0 && count * 1000 / ratePerSecond > clock.ElapsedMilliseconds) || !maySend())
            {
                Thread.Sleep(1);
            }

            var stamped = new Message<byte[]?, byte[]?> { Key = message.Key, Value = message.Value, Timestamp = new Timestamp(DateTime.UtcNow) };
            while (true)
            {
                try
                {
                    producer.Produce(topic, stamped);
                    break;
                }
                catch (ProduceException<byte[]?, byte[]?> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
                {
                    producer.Poll(TimeSpan.FromMilliseconds(10));
                }
            }

            sent(stamped);
            count++;
        }

        producer.Flush(TimeSpan.FromMinutes(1));
        return count;
    }

    // Every cohort is as busy as the first, so the first one's events tell how many days the population needs.
    private static int DaysFor(int count, int learners, GeoCatalogue geo)
    {
        var cohort = Math.Min(learners, LearnersPerCohort);
        for (var days = 1; ; days *= 2)
        {
            var events = LoginEventGenerator.Generate(Settings(learners, days) with { Users = cohort }, geo).Events.LongCount();
            if (events * learners / cohort >= count || days > 3650)
            {
                return days;
            }
        }
    }

    // The cohorts follow one another day after day, and the worker refuses events dated ahead of its clock: the
    // last cohort ends yesterday.
    private static GenerationSettings Settings(int learners, int days)
    {
        var cohorts = (learners + LearnersPerCohort - 1) / LearnersPerCohort;
        return new(learners, days, Seed: 1, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-(cohorts * days) - 1));
    }

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
