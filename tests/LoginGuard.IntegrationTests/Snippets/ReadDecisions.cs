using System.Text.Json;
using Confluent.Kafka;

namespace LoginGuard.IntegrationTests.Snippets;

/// <summary>docs/events.md shows the method between the snippet markers; <see cref="SnippetTests"/> keeps the two equal and runs it.</summary>
internal static class ReadDecisions
{
    // snippet-start: consume
    public static async Task ReadDecisionsAsync(
        string bootstrapServers, string topic, Func<string, string, string[], Task> act, CancellationToken cancellationToken)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = "account-protection",
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoOffsetStore = false,
        };
        using var consumer = new ConsumerBuilder<string, string>(config).Build();
        consumer.Subscribe(topic);
        try
        {
            while (true)
            {
                var result = consumer.Consume(cancellationToken);
                using var decision = JsonDocument.Parse(result.Message.Value);
                var root = decision.RootElement;
                string[] reasons = [.. root.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("rule").GetString()!)];

                // At least once: a decision may arrive again (after a crash or a rebalance), so act idempotently,
                // keyed by eventId. riskLevel "high" asks for a lock or sign-out, "medium" for step-up MFA.
                await act(root.GetProperty("eventId").GetString()!, root.GetProperty("riskLevel").GetString()!, reasons);
                consumer.StoreOffset(result);
            }
        }
        catch (OperationCanceledException)
        {
            consumer.Close();
        }
    }
    // snippet-end
}
