using System.Diagnostics;
using Confluent.Kafka;
using LoginGuard.IntegrationTests.Infrastructure;
using LoginGuard.IntegrationTests.Kafka;

// Consume-to-decision throughput of the run worker on this machine: sample-like events published to the
// mock cluster, then timed from the worker's start until every decision is on the decisions topic. The mock
// keeps only about 5 MiB per partition and silently drops older messages, so 200k events need 32 partitions. Usage: dotnet run -c Release --project tests/LoginGuard.Throughput [-- EVENTS]
var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 200_000;
using var cluster = new KafkaMockCluster();
var topics = KafkaTopics.Create(cluster, partitions: 32);
var sample = SampleMessage.FromSample(int.MaxValue).Where(m => m.EventId is not null).ToList();
var messages = Enumerable.Range(0, count).Select(i => Unique(sample[i % sample.Count], i));
TopicClient.Publish(cluster, topics.Events, messages);
Console.WriteLine($"Published {count:N0} events to {topics.Partitions} partitions.");

var pickup = Directory.CreateTempSubdirectory("loginguard-throughput-").FullName;
var clock = Stopwatch.StartNew();
await using (var worker = await WorkerUnderTest.StartAsync(cluster, topics, pickup, new ControllableBehaviorStore()))
{
    var decided = await TopicClient.ReadAsync(cluster, topics.Decisions, topics.Partitions, read => read.Count >= count, TimeSpan.FromMinutes(4), settle: TimeSpan.Zero);
    clock.Stop();
    await worker.StopAsync();
    Console.WriteLine($"{decided.Count:N0} decisions in {clock.Elapsed.TotalSeconds:N1} s: {decided.Count / clock.Elapsed.TotalSeconds:N0} events/s (including the group join).");
}

Directory.Delete(pickup, recursive: true);

// Each copy gets its own eventId, so every event is decided afresh rather than recognised as a redelivery.
static SampleMessage Unique(SampleMessage message, int index)
{
    var text = System.Text.Encoding.UTF8.GetString(message.Value).Replace(message.EventId!, $"{message.EventId}-{index}", StringComparison.Ordinal);
    return message with { Value = System.Text.Encoding.UTF8.GetBytes(text) };
}
