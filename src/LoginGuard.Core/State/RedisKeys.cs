using StackExchange.Redis;

namespace LoginGuard.State;

/// <summary>
/// Every Redis key LoginGuard uses, behavior state and alert outbox alike, built here and nowhere else.
/// Each key carries a hash tag: all of a learner's keys share <c>{u:&lt;learner&gt;}</c>, so a script touching
/// them stays in one Redis Cluster slot. Erasure finds a learner's keys through indexes kept under that tag
/// (<see cref="DecisionIndex"/>, <see cref="FailureSources"/>, <see cref="FeedbackAnswers"/>), never by
/// scanning the keyspace; that includes the index from an eventId to its learner (<see cref="DecisionOwner"/>),
/// keyed by the event, and the failures in an address's and a network's sets, which have their own tags so a
/// busy botnet's keys spread over the cluster.
/// The outbox's keys share <c>{outbox}</c>: each of its scripts touches an alert, the shared queues and a
/// learner's throttle together, which Redis Cluster allows only within one slot, and mail is a few alerts a
/// second at most, well within one slot's capacity. The erasures deleted accounts leave share <c>{erasures}</c>
/// for the same reason, and are rarer still.
/// Feedback's keys share <c>{labels}</c>, the tag of the labels stream, for the same reason: one script takes a
/// learner's answer, writes its label and, for a "wasn't me", the report owed to Kafka, and answers come a few a
/// minute at most.
/// </summary>
internal sealed class RedisKeys
{
    private readonly string prefix;

    public RedisKeys(string prefix)
    {
        // A brace in the prefix would become the hash tag and put every key in one slot.
        if (prefix.Contains('{', StringComparison.Ordinal) || prefix.Contains('}', StringComparison.Ordinal))
        {
            throw new ArgumentException($"{RedisOptions.Section}:KeyPrefix may not contain braces (was '{prefix}'): a brace would change every key's Redis Cluster slot.", nameof(prefix));
        }

        this.prefix = prefix;
    }

    /// <summary>The learner's history, behind a version stamp the record script checks.</summary>
    public RedisKey LearnerState(string learner) => $"{prefix}{{u:{learner}}}:h";

    /// <summary>The decision made for one event of the learner, kept to recognise a redelivery.</summary>
    public RedisKey Decision(string learner, string eventId) => $"{prefix}{{u:{learner}}}:d:{eventId}";

    /// <summary>
    /// Set to 1 once the cluster acknowledged the event's decision: a redelivery after it is a duplicate. Set to
    /// <see cref="RedisBehaviorStore.ParkedMark"/> while the cluster refused the decision and the event was parked instead.
    /// </summary>
    public RedisKey Published(string learner, string eventId) => $"{prefix}{{u:{learner}}}:p:{eventId}";

    /// <summary>
    /// The erased learner's tombstone: the time (unix ms) up to which their events are erased, and nothing else. Beside
    /// their state, so the script that records it checks it in the same slot.
    /// </summary>
    public RedisKey Tombstone(string learner) => $"{prefix}{{u:{learner}}}:t";

    /// <summary>
    /// The learner's decided events: eventId by when its decision expires (unix ms, Redis's clock), so erasure and
    /// export find every decision and published mark without a SCAN. Written with the decisions, in the same script.
    /// </summary>
    public RedisKey DecisionIndex(string learner) => $"{prefix}{{u:{learner}}}:di";

    /// <summary>
    /// The addresses and networks whose failure sets name the learner (as <see cref="SourceFailures"/> takes them), by when they last did
    /// (unix ms, Redis's clock): written before the failures themselves, so erasure finds every set to take them from.
    /// </summary>
    public RedisKey FailureSources(string learner) => $"{prefix}{{u:{learner}}}:fs";

    /// <summary>
    /// Whose event this is (the learner's key), so the security team can look a decision up by eventId alone. It
    /// cannot share the learner's hash tag, which is what it finds; erasure deletes it with the decision it points to.
    /// </summary>
    public RedisKey DecisionOwner(string eventId) => $"{prefix}{{e:{eventId}}}:u";

    /// <summary>The learner's recent activity: eventIds by event time (unix ms).</summary>
    public RedisKey ActivityIndex(string learner) => $"{prefix}{{u:{learner}}}:a";

    /// <summary>The learner's recent activity: each entry's JSON by eventId.</summary>
    public RedisKey ActivityEntries(string learner) => $"{prefix}{{u:{learner}}}:ae";

    /// <summary>The answer taken for the mail with this alert id (<c>legitimate</c> or <c>compromised</c>): a token is good for one answer.</summary>
    public RedisKey FeedbackAnswer(string learner, string alertId) => $"{prefix}{{labels}}:answer:{learner}:{alertId}";

    /// <summary>
    /// Where answers were kept before #17, under the learner's tag, which the answer script cannot reach in Redis
    /// Cluster: read beside it, so a link answered before the upgrade stays answered for the rest of its life.
    /// </summary>
    public RedisKey FeedbackAnsweredBefore(string learner, string alertId) => $"{prefix}{{u:{learner}}}:fb:{alertId}";

    /// <summary>Set: the alert ids of the mails the learner answered (<see cref="FeedbackAnswer"/>), for erasure.</summary>
    public RedisKey FeedbackAnswers(string learner) => $"{prefix}{{labels}}:answers:{learner}";

    /// <summary>Stream of learners' answers, the labels for retraining: fields learner, eventId, label, at, source, trust.</summary>
    public RedisKey FeedbackLabels => $"{prefix}{{labels}}";

    /// <summary>Hash: the learner's label of each event they answered about (eventId → "label streamId"), one label per event.</summary>
    public RedisKey FeedbackLabelled(string learner) => $"{prefix}{{labels}}:labelled:{learner}";

    /// <summary>Hash: a "wasn't me" report owed to Kafka or sent: state, sealed (the report, while pending), learner, eventId, answeredAt, attempts, publishedAt, lastError.</summary>
    public RedisKey FeedbackReport(string reportId) => $"{prefix}{{labels}}:report:{reportId}";

    /// <summary>Sorted set: pending report ids by when they may next be sent (unix ms, wall clock): a claim moves one a lease ahead.</summary>
    public RedisKey FeedbackReportsDue => $"{prefix}{{labels}}:reports:due";

    /// <summary>Sorted set: pending report ids by when the learner answered, for the age of the oldest.</summary>
    public RedisKey FeedbackReportsOwed => $"{prefix}{{labels}}:reports:owed";

    public RedisKey AddressFailures(string address) => SourceFailures(BehaviorBatch.AddressKey(address));

    public RedisKey NetworkFailures(string network) => SourceFailures(BehaviorBatch.NetworkKey(network));

    /// <summary>The failure set of a source as <see cref="BehaviorBatch.AddressKey(string)"/> or <see cref="BehaviorBatch.NetworkKey(string)"/> names it, which is its hash tag.</summary>
    public RedisKey SourceFailures(string source) => $"{prefix}{{{source}}}:f";

    /// <summary>A SCAN pattern matching every key of one learner, for tools that measure what a learner costs; erasure uses the indexes.</summary>
    public RedisValue LearnerPattern(string learner) => $"{prefix}{{u:{learner}}}*";

    /// <summary>
    /// Sorted set: the erasures deleted accounts left to be done, by their learner's keyed hash, scored by when each is
    /// due (unix ms, wall clock). Shares <c>{erasures}</c> with <see cref="ErasureJobs"/>, so one script moves both.
    /// </summary>
    public RedisKey ErasuresDue => $"{prefix}{{erasures}}:due";

    /// <summary>Hash: each queued erasure's work, by the learner's keyed hash: the learner under every hash key, as keyed hashes only.</summary>
    public RedisKey ErasureJobs => $"{prefix}{{erasures}}:jobs";

    /// <summary>Outbox hash: state, payload (while queued), kind, eventId, attempts, queuedAt, reason, suppressed, since.</summary>
    public RedisKey OutboxAlert(string alertId) => $"{prefix}{{outbox}}:alert:{alertId}";

    /// <summary>Outbox sorted set: queued alert ids by when they may next be tried (unix ms, wall clock).</summary>
    public RedisKey OutboxDue => $"{prefix}{{outbox}}:due";

    /// <summary>Stream: the API's audit log of who exported, erased or read whose data, trimmed by age.</summary>
    public RedisKey Audit => $"{prefix}{{audit}}:log";

    /// <summary>Outbox sorted set: queued alert ids by when they were queued, for the age of the oldest.</summary>
    public RedisKey OutboxQueued => $"{prefix}{{outbox}}:queued";

    /// <summary>Outbox sorted set: failed alert ids by when they failed — the dead-letter list.</summary>
    public RedisKey OutboxFailed => $"{prefix}{{outbox}}:failed";

    /// <summary>
    /// Outbox hash: one learner's throttles. The new-device window (start and closesAt, event and wall time, unix ms;
    /// mailed; held: the held sign-ins' payloads; summary and first: the id the summary will have and the event it
    /// derives from) and, per incident kind of suspicious activity, the event time it last happened.
    /// </summary>
    public RedisKey OutboxThrottle(string learnerHash) => $"{prefix}{{outbox}}:throttle:{learnerHash}";

    /// <summary>
    /// Outbox sorted set: the ids of one learner's alerts and of the summary their held sign-ins will have, by when
    /// they were queued (unix ms), so the learner's mail is found for their export and erasure from the outbox alone.
    /// </summary>
    public RedisKey OutboxLearner(string learnerHash) => $"{prefix}{{outbox}}:learner:{learnerHash}";

    /// <summary>Outbox sorted set: learners whose new-device window holds sign-ins, by when it ends on the wall clock (unix ms).</summary>
    public RedisKey OutboxWindows => $"{prefix}{{outbox}}:windows";
}
