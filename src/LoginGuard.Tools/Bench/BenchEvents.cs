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
    /// <summary>At least <paramref name="count"/> events of <paramref name="learners"/> learners, in event-time order.</summary>
    public static List<Message<byte[]?, byte[]?>> Generate(int count, int learners)
    {
        var geo = GeoCatalogue.Load(Path.GetDirectoryName(SampleData.Find("geoip/city-ranges.csv"))
            ?? throw new InvalidOperationException("data-samples/geoip/city-ranges.csv not found: run from the repository."));
        for (var days = 7; ; days *= 2)
        {
            var stream = LoginEventGenerator.Generate(new GenerationSettings(learners, days, Seed: 1, new DateOnly(2026, 10, 1)), geo);
            var events = stream.Events.ToList();
            if (events.Count >= count || days > 3650)
            {
                return events.Take(count).Select(line => ToMessage(line.Text)).ToList();
            }
        }
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

    /// <summary>Produces as fast as the client takes them; the message timestamps say when each was sent.</summary>
    public static void Produce(string bootstrapServers, string topic, IEnumerable<Message<byte[]?, byte[]?>> messages) =>
        Produce(bootstrapServers, topic, messages, ratePerSecond: 0);

    /// <summary>Produces at a steady offered load: each message no earlier than its turn at <paramref name="ratePerSecond"/>.</summary>
    public static void Produce(string bootstrapServers, string topic, IEnumerable<Message<byte[]?, byte[]?>> messages, int ratePerSecond)
    {
        using var producer = new ProducerBuilder<byte[]?, byte[]?>(new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            EnableIdempotence = true,
            LingerMs = ratePerSecond > 0 ? 0 : 5,
        }).SetLogHandler((_, _) => { }).Build();
        var clock = Stopwatch.StartNew();
        var sent = 0L;
        foreach (var message in messages)
        {
            while (ratePerSecond > 0 && sent * 1000 / ratePerSecond > clock.ElapsedMilliseconds)
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

            sent++;
        }

        producer.Flush(TimeSpan.FromMinutes(1));
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
