using LoginGuard.Privacy;
using LoginGuard.State;
using Microsoft.Extensions.Logging;

namespace LoginGuard.LearnerRecords;

/// <summary>
/// Forgets a learner: their state, decisions, activity, queued and remembered mails, throttle window, answers and the
/// failed sign-ins filed under them in shared address and network sets. Idempotent: erasing twice is harmless.
/// It goes over every store that keeps learner data, in either backend, under the current hash key and every key
/// rotated out (<see cref="PrivacyOptions.PreviousHashKeys"/>). Each store first says what it knows of the learner,
/// then every store forgets given all of it: the ones others are found through last, so an erasure cut short finds
/// the same data again when it is repeated.
/// </summary>
internal sealed class LearnerEraser(IEnumerable<ILearnerData> stores, IBehaviorStore state, KeyedHasher hasher, TimeProvider clock, ILogger<LearnerEraser> logger)
{
    /// <summary>
    /// Erases the learner now, as the API asks: their tombstone first, dated by the worker's clock, so an event of theirs
    /// from before still on its way brings nothing back; then everything the stores keep.
    /// </summary>
    public async Task EraseAsync(string userId, CancellationToken cancellationToken)
    {
        var subjects = DataSubjects.Of(hasher, userId).Select(s => s.Learner).ToList();
        await state.LayTombstoneAsync(new Tombstone(subjects[0].Learner, clock.GetUtcNow()), cancellationToken);
        await ForgetAsync(subjects, cancellationToken);
    }

    /// <summary>Forgets everything the stores keep of the learner, whose tombstone is laid already.</summary>
    public Task ForgetAsync(string userId, CancellationToken cancellationToken) =>
        ForgetAsync(DataSubjects.Of(hasher, userId).Select(s => s.Learner), cancellationToken);

    /// <summary>Forgets everything the stores keep of the learner under each of these hash keys.</summary>
    public async Task ForgetAsync(IEnumerable<DataSubject> learnerUnderEachKey, CancellationToken cancellationToken)
    {
        foreach (var learner in learnerUnderEachKey)
        {
            var mentions = await stores.MentionsAsync(learner, cancellationToken);
            await Task.WhenAll(stores.Where(store => !store.ForgetsLast).Select(store => store.ForgetAsync(learner, mentions, cancellationToken)));
            foreach (var index in stores.Where(store => store.ForgetsLast))
            {
                await index.ForgetAsync(learner, mentions, cancellationToken);
            }

            ErasureLog.Erased(logger, learner.Learner);
        }
    }
}
