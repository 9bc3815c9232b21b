using LoginGuard.Privacy;
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
internal sealed class LearnerEraser(IEnumerable<ILearnerData> stores, KeyedHasher hasher, ILogger<LearnerEraser> logger)
{
    public async Task EraseAsync(string userId, CancellationToken cancellationToken)
    {
        foreach (var (_, learner) in DataSubjects.Of(hasher, userId))
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
