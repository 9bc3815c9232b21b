using System.Text;
using Confluent.Kafka;

namespace LoginGuard.Tools.Bench;

/// <summary>
/// The bench's producer across its phases: never more than <paramref name="inFlight"/> events ahead of their
/// decisions, so the mock cluster drops none unread, counting what it sent and whose events they were. Once no
/// event has been decided for the patience a phase is given, it stops waiting for them and produces on, so that
/// decisions that never come show as missing in the report instead of holding the run.
/// </summary>
internal sealed class BenchProducing(BenchDecisions decisions, int inFlight)
{
    private readonly HashSet<string> learners = new(StringComparer.Ordinal);
    private long produced;

    public long Produced => Interlocked.Read(ref produced);

    /// <summary>Distinct learners among the events produced.</summary>
    public int Learners => learners.Count;

    /// <summary>
    /// Produces <paramref name="messages"/> at <paramref name="ratePerSecond"/> (0: full speed), then waits until every
    /// event produced so far is decided or <paramref name="patience"/> runs out; returns how many this phase produced.
    /// </summary>
    public async Task<long> DecideAsync(
        string bootstrapServers, string topic, IEnumerable<Message<byte[]?, byte[]?>> messages, int ratePerSecond, TimeSpan patience, CancellationToken cancellationToken, Action<Message<byte[]?, byte[]?>>? note = null)
    {
        var sent = await Task.Run(
            () => BenchEvents.Produce(bootstrapServers, topic, messages, ratePerSecond, () => Produced - decisions.Count < inFlight || DateTime.UtcNow - decisions.LatestReadAt > patience, message =>
            {
                learners.Add(Encoding.UTF8.GetString(message.Key!));
                note?.Invoke(message);
                Interlocked.Increment(ref produced);
            }),
            cancellationToken);
        await decisions.UntilAsync((int)Produced, patience, cancellationToken);
        return sent;
    }
}
