using LoginGuard.Enrichment;
using LoginGuard.Privacy;

namespace LoginGuard.LearnerRecords;

/// <summary>Where a learner's data may be filed, and what the stores know of them there, for export and erasure alike.</summary>
internal static class DataSubjects
{
    /// <summary>The learner under the current hash key first, then under each key rotated out, with the key's id.</summary>
    public static IEnumerable<(string HashKeyId, DataSubject Learner)> Of(KeyedHasher hasher, string userId) =>
        hasher.WithPrevious().Select(key => (key.KeyId, new DataSubject(userId, new StateKeyMaker(key).Learner(userId), key.Hash(KeyedHasher.UserPurpose, userId))));

    /// <summary>Everything the stores mention of the learner, asked of all of them at once.</summary>
    public static async Task<LearnerMentions> MentionsAsync(this IEnumerable<ILearnerData> stores, DataSubject learner, CancellationToken cancellationToken) =>
        LearnerMentions.Union(await Task.WhenAll(stores.Select(store => store.MentionsAsync(learner, cancellationToken))));
}
