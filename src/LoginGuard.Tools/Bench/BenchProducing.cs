using System.Text;
using Confluent.Kafka;

namespace LoginGuard.Tools.Bench;

/// <summary>
/// The bench's producer across its phases: never more than <paramref name="inFlightPerPartition"/> events of one
/// partition ahead of their decisions, counting what it sent and whose events they were. The bound is per partition
/// because the mock cluster drops each partition's oldest messages past ≈ 5 MiB: with a bound on the total only, the
/// worker read one partition 16,726 events behind the others, its position fell out of the log, librdkafka jumped to
/// the log's start and those events were never decided. Once no event has been decided for the patience a phase is
/// given, it stops waiting for them and produces on, so that decisions that never come show as missing in the report
/// instead of holding the run. One producer serves every phase, as a platform service's lives on: a producer made for the
/// paced phase spent its first ≈ 0.1–0.6 s connecting and getting its producer id, and the events it held meanwhile
/// made the p99 at 200 events/s 484–528 ms where the rest of the phase stayed under 30 ms.
/// </summary>
internal sealed class BenchProducing(string bootstrapServers, BenchDecisions decisions, int partitions, int inFlightPerPartition) : IDisposable
{
    private readonly IProducer<byte[]?, byte[]?> producer = BenchEvents.Producer(bootstrapServers);
    private readonly HashSet<string> learners = new(StringComparer.Ordinal);
    private readonly long[] producedTo = new long[partitions];
    private long produced;

    public long Produced => Interlocked.Read(ref produced);

    /// <summary>Distinct learners among the events produced.</summary>
    public int Learners => learners.Count;

    /// <summary>
    /// Produces <paramref name="messages"/> at <paramref name="ratePerSecond"/> (0: full speed), then waits until every
    /// event produced so far is decided or <paramref name="patience"/> runs out; returns how many this phase produced.
    /// </summary>
    public async Task<long> DecideAsync(
        string topic, IEnumerable<Message<byte[]?, byte[]?>> messages, int ratePerSecond, TimeSpan patience, CancellationToken cancellationToken, Action<Message<byte[]?, byte[]?>>? note = null)
    {
        var sent = await Task.Run(
            () => BenchEvents.Produce(
                producer,
                topic,
                partitions,
                messages,
                ratePerSecond,
                partition => producedTo[partition] - decisions.CountOf(partition) < inFlightPerPartition || DateTime.UtcNow - decisions.LatestReadAt > patience,
                (message, partition) =>
                {
                    learners.Add(Encoding.UTF8.GetString(message.Key!));
                    note?.Invoke(message);
                    producedTo[partition]++;
                    Interlocked.Increment(ref produced);
                }),
            cancellationToken);
        await decisions.UntilAsync((int)Produced, patience, cancellationToken);
        return sent;
    }

    public void Dispose() => producer.Dispose();
}
