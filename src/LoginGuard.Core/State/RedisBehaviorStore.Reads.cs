using LoginGuard.Contracts;
using StackExchange.Redis;

namespace LoginGuard.State;

/// <summary>How the behavior store reads a batch's learners: their keys share the learner's hash tag.</summary>
internal sealed partial class RedisBehaviorStore
{
    /// <summary>
    /// What <see cref="ReadLearnersAsync"/> reads, under the current hash key; when a learner has nothing there and keys
    /// were rotated out, under the first previous key that has anything of theirs (one more read per key: each files the
    /// learner in another slot). A history found there is handed on to be written under the current key
    /// (<see cref="StoredHistory.From"/>), and a tombstone found there covers the learner still.
    /// </summary>
    private async Task<LearnerRead[]> ReadLearnersOrPreviousAsync(IReadOnlyList<WantedLearner> learners)
    {
        var read = await ReadLearnersAsync(learners);
        for (var i = 0; i < learners.Count; i++)
        {
            if (learners[i].Previous is { } previousKeys && ReferenceEquals(read[i].State, StoredHistory.None) && read[i].Tombstone is null)
            {
                read[i] = await ReadPreviousAsync(learners[i], previousKeys, read[i]);
            }
        }

        return read;
    }

    private async Task<LearnerRead> ReadPreviousAsync(WantedLearner wanted, IReadOnlyList<PreviousKeys> previousKeys, LearnerRead current)
    {
        foreach (var previous in previousKeys)
        {
            var (state, decided, tombstone, parked) = (await ReadLearnersAsync([wanted with { Learner = previous.Keys.Learner }]))[0];
            if (ReferenceEquals(state, StoredHistory.None) && decided.Count == 0 && tombstone is null)
            {
                continue;
            }

            foreach (var (eventId, decision) in current.Decided)
            {
                decided[eventId] = decision;
                parked.Remove(eventId);
            }

            return new LearnerRead(
                ReferenceEquals(state, StoredHistory.None) ? state : new StoredHistory([], state.History) { From = new FiledBefore(previous.Keys.Learner, state.Version) },
                decided,
                tombstone is null ? null : tombstone with { Learner = wanted.Learner },
                [.. parked, .. current.Parked]);
        }

        return current;
    }

    /// <summary>
    /// Each learner's state, the decisions of their events and whether each was published or parked, and their tombstone,
    /// with one MGET per Redis Cluster slot: every key of a learner carries the learner's hash tag.
    /// </summary>
    private async Task<LearnerRead[]> ReadLearnersAsync(IReadOnlyList<WantedLearner> learners)
    {
        var read = new LearnerRead[learners.Count];
        var database = redis.GetDatabase();
        await Task.WhenAll(redis.BySlot(Enumerable.Range(0, learners.Count), i => keys.LearnerState(learners[i].Learner)).Select(async indexes =>
        {
            var values = await database.StringGetAsync([.. indexes.SelectMany(i => LearnerKeys(learners[i]))]);
            var offset = 0;
            foreach (var i in indexes)
            {
                read[i] = Learner(learners[i], values.AsSpan(offset, 2 + (2 * learners[i].EventIds.Count)));
                offset += 2 + (2 * learners[i].EventIds.Count);
            }
        }));
        return read;
    }

    private IEnumerable<RedisKey> LearnerKeys(WantedLearner wanted) =>
    [
        keys.LearnerState(wanted.Learner), keys.Tombstone(wanted.Learner),
        .. wanted.EventIds.Select(id => keys.Decision(wanted.Learner, id)), .. wanted.EventIds.Select(id => keys.Published(wanted.Learner, id)),
    ];

    private static LearnerRead Learner(WantedLearner wanted, ReadOnlySpan<RedisValue> values)
    {
        var (learner, _, eventIds) = wanted;
        var decided = new Dictionary<string, Decision>(StringComparer.Ordinal);
        var parked = new List<string>();
        for (var i = 0; i < eventIds.Count; i++)
        {
            if (!values[i + 2].IsNull)
            {
                var mark = values[i + 2 + eventIds.Count];
                decided[eventIds[i]] = DecisionJson.Deserialize((byte[])values[i + 2]!) with { Duplicate = !mark.IsNull && mark != ParkedMark };
                if (mark == ParkedMark)
                {
                    parked.Add(eventIds[i]);
                }
            }
        }

        var tombstone = values[1].IsNull ? null : new Tombstone(learner, DateTimeOffset.FromUnixTimeMilliseconds((long)values[1]));
        return new LearnerRead(StoredHistory.Read(values[0]), decided, tombstone, parked);
    }

    /// <param name="Previous">The hash keys the learner had before a rotation, where their state may still be.</param>
    private sealed record WantedLearner(string Learner, IReadOnlyList<PreviousKeys>? Previous, List<string> EventIds);

    private readonly record struct LearnerRead(StoredHistory State, Dictionary<string, Decision> Decided, Tombstone? Tombstone, List<string> Parked);
}
