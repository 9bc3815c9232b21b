using System.Text.Json;
using Confluent.Kafka;

namespace LoginGuard.IntegrationTests.Snippets;

/// <summary>docs/events.md shows the method between the snippet markers; <see cref="SnippetTests"/> keeps the two equal and runs it.</summary>
internal static class PublishAuthEvent
{
    // snippet-start: publish
    public static async Task<string> PublishSignInAsync(string bootstrapServers, string topic, CancellationToken cancellationToken)
    {
        var config = new ProducerConfig { BootstrapServers = bootstrapServers, EnableIdempotence = true, Acks = Acks.All };
        using var producer = new ProducerBuilder<string, string>(config).Build();
        var signIn = new
        {
            eventId = Guid.NewGuid().ToString("N"),
            type = "login.succeeded",
            occurredAt = DateTimeOffset.UtcNow,
            userId = "u-42",
            ip = "81.57.10.20",
            userAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0",
            deviceId = "b7f3c1d2-laptop",
            email = "u42@example.org",
        };

        // Keyed by userId: a learner's events share a partition, so LoginGuard sees them in order.
        await producer.ProduceAsync(topic, new Message<string, string> { Key = signIn.userId, Value = JsonSerializer.Serialize(signIn) }, cancellationToken);
        return signIn.eventId;
    }
    // snippet-end
}
