namespace LoginGuard.Privacy;

/// <summary>
/// One learner as the stores file them under one hash key: a learner's data may be filed under the current key and
/// under every key rotated out (<see cref="KeyedHasher.Previous"/>), one subject apiece.
/// </summary>
/// <param name="UserId">
/// The account id; the in-process stores keep some of their part by it. Empty for an erasure queued in Redis, which keeps
/// no account id: the stores in Redis file everything under the hashes.
/// </param>
/// <param name="Learner">The shortened keyed hash that learner state is filed under (<c>StateKeys.Learner</c>).</param>
/// <param name="UserHash">The whole keyed hash of the user id, which the outbox files a learner's throttles under.</param>
internal sealed record DataSubject(string UserId, string Learner, string UserHash);
