using LoginGuard.Contracts;

namespace LoginGuard.State;

/// <summary>Remembering failed sign-ins: idempotent by event (its eventId at its time), capped, and forgotten after the failure memory.</summary>
internal static class Failures
{
    /// <summary>
    /// The failures newest first and, among equal times, by ascending eventId — the order every caller may
    /// rely on to stop scanning at the edge of a window. One pass: a botnet's address holds hundreds.
    /// </summary>
    public static IReadOnlyList<FailedAttempt> Add(IReadOnlyList<FailedAttempt> failures, FailedAttempt failure, int max, StateOptions options)
    {
        if (Holds(failures, failure.EventId, failure.At))
        {
            return failures;
        }

        var newest = failures.Count > 0 && failures[0].At > failure.At ? failures[0].At : failure.At;
        var horizon = newest - options.FailureMemory - options.AllowedLateness;
        if (max > 0 && (failures.Count == 0 || Precedes(failure, failures[0])))
        {
            // Newer than every other: it goes first, and the others stay in order up to the horizon or the cap. The
            // horizon is found by binary search: walking a sprayed address's few hundred failures to it for every
            // failure added was 4 % of the worker's CPU at 2,000 events/s.
            return FailureList.WithNewest(failures, Math.Min(NewerThan(failures, horizon, inclusive: true), max - 1), failure);
        }

        // Behind the newest: in a spray spread over partitions most failures are, some by hundreds. Where it goes and
        // where the horizon cuts are found by binary search, and the rest is a copy of references, so the failures
        // around it are not each loaded to be compared.
        var within = NewerThan(failures, horizon, inclusive: true);
        var at = failure.At < horizon ? within : Math.Min(PlaceOf(failures, failure), within);
        var kept = new FailedAttempt[Math.Clamp(within + (failure.At < horizon ? 0 : 1), 0, Math.Max(max, 0))];
        if (failures is FailedAttempt[] array)
        {
            // The last failure placed behind the newest left an array: copied in two blocks, not reference by reference.
            Array.Copy(array, kept, Math.Min(at, kept.Length));
            if (at < kept.Length)
            {
                kept[at] = failure;
                Array.Copy(array, at, kept, at + 1, kept.Length - at - 1);
            }

            return kept;
        }

        for (var i = 0; i < kept.Length; i++)
        {
            kept[i] = i < at ? failures[i] : i == at ? failure : failures[i - 1];
        }

        return kept;
    }

    /// <summary>How many of the failures precede <paramref name="failure"/>: the newer ones, and those at its time with a smaller eventId.</summary>
    private static int PlaceOf(IReadOnlyList<FailedAttempt> failures, FailedAttempt failure)
    {
        var place = NewerThan(failures, failure.At, inclusive: false);
        while (place < failures.Count && failures[place].At == failure.At && string.CompareOrdinal(failures[place].EventId, failure.EventId) < 0)
        {
            place++;
        }

        return place;
    }

    /// <summary>
    /// The activity with <paramref name="added"/> applied in turn, as <see cref="Apply(SourceActivity, FailedAttempt, StateOptions)"/>
    /// would leave it. Failures newer than every other are appended as one by one; from the first that is not (another
    /// lane's newer failures reached the set first) the rest go in by one merge, so the set is copied once for the batch
    /// instead of once for each such failure.
    /// </summary>
    public static SourceActivity Apply(SourceActivity activity, IReadOnlyList<FailedAttempt> added, StateOptions options)
    {
        for (var i = 0; i < added.Count; i++)
        {
            var failures = activity.Failures;
            if (i < added.Count - 1 && failures.Count > 0 && !Precedes(added[i], failures[0]))
            {
                var merged = Merge(failures, added.Skip(i), options.MaxSourceFailures, options);
                return ReferenceEquals(merged, failures) ? activity : new SourceActivity(merged);
            }

            activity = Apply(activity, added[i], options);
        }

        return activity;
    }

    /// <summary>
    /// What adding <paramref name="added"/> to <paramref name="failures"/> one by one keeps: the horizon and the cap only
    /// ever drop the oldest, so sorting the lot once and keeping the newest within the last horizon and the cap is the same.
    /// </summary>
    private static IReadOnlyList<FailedAttempt> Merge(IReadOnlyList<FailedAttempt> failures, IEnumerable<FailedAttempt> added, int max, StateOptions options)
    {
        var fresh = new List<FailedAttempt>();
        foreach (var failure in added)
        {
            if (!Holds(failures, failure.EventId, failure.At) && !fresh.Exists(f => f.EventId == failure.EventId))
            {
                fresh.Add(failure);
            }
        }

        if (fresh.Count == 0)
        {
            return failures;
        }

        fresh.Sort((a, b) => Precedes(a, b) ? -1 : Precedes(b, a) ? 1 : 0);
        var newest = failures.Count > 0 && failures[0].At > fresh[0].At ? failures[0].At : fresh[0].At;
        var horizon = newest - options.FailureMemory - options.AllowedLateness;
        var merged = new List<FailedAttempt>(Math.Clamp(failures.Count + fresh.Count, 0, Math.Max(max, 0)));
        for (int known = 0, adding = 0; merged.Count < max && (known < failures.Count || adding < fresh.Count);)
        {
            var next = adding == fresh.Count || (known < failures.Count && Precedes(failures[known], fresh[adding])) ? failures[known++] : fresh[adding++];
            if (next.At < horizon)
            {
                break;
            }

            merged.Add(next);
        }

        return merged;
    }

    /// <summary>
    /// Whether <paramref name="failures"/> hold the event's. An eventId names one event, and its failure one time, so only
    /// the failures at <paramref name="at"/> are compared, found by binary search: a sprayed address's few hundred
    /// eventIds, compared one by one for every failure added, were a tenth of the worker's CPU at full speed. An eventId
    /// reused at another time (which the events contract forbids, and the pipeline takes for a redelivery wherever it
    /// keeps a decision) counts here as another failure, where the Redis set, whose members are the eventId and learner,
    /// keeps the first.
    /// </summary>
    public static bool Holds(IReadOnlyList<FailedAttempt> failures, string eventId, DateTimeOffset at) =>
        HoldsFrom(failures, eventId, at, NewerThan(failures, at, inclusive: false), failures.Count);

    /// <summary>
    /// <see cref="Holds"/> for a window that ends before <paramref name="end"/> and whose newest failures are those at
    /// <paramref name="at"/>, from <paramref name="first"/> (the <see cref="NewerThan"/> of <paramref name="at"/>, which
    /// the caller found already).
    /// </summary>
    public static bool HoldsFrom(IReadOnlyList<FailedAttempt> failures, string eventId, DateTimeOffset at, int first, int end)
    {
        for (var i = first; i < end && failures[i].At == at; i++)
        {
            if (failures[i].EventId == eventId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How many failures are newer than <paramref name="time"/> (or at it, when inclusive): the list is newest first.</summary>
    public static int NewerThan(IReadOnlyList<FailedAttempt> failures, DateTimeOffset time, bool inclusive)
    {
        int newer = 0, older = failures.Count;
        while (newer < older)
        {
            var middle = (newer + older) / 2;
            var at = failures[middle].At;
            if (at > time || (inclusive && at == time))
            {
                newer = middle + 1;
            }
            else
            {
                older = middle;
            }
        }

        return newer;
    }

    private static bool Precedes(FailedAttempt a, FailedAttempt b) =>
        a.At > b.At || (a.At == b.At && string.CompareOrdinal(a.EventId, b.EventId) < 0);

    /// <summary>How an event changes the activity of the address or network it came from: only failures count.</summary>
    public static SourceActivity Apply(SourceActivity activity, EnrichedEvent enriched, StateOptions options)
    {
        if (enriched.Event.Type != AuthEventType.LoginFailed)
        {
            return activity;
        }

        return Apply(activity, Of(enriched), options);
    }

    /// <summary>A failed sign-in as its address's and network's failures keep it.</summary>
    public static FailedAttempt Of(EnrichedEvent enriched) => new(enriched.Event.OccurredAt, enriched.Keys.Learner, enriched.Event.EventId);

    /// <summary>The activity with one more failure, as <see cref="Add"/> keeps it.</summary>
    public static SourceActivity Apply(SourceActivity activity, FailedAttempt failure, StateOptions options)
    {
        var failures = Add(activity.Failures, failure, options.MaxSourceFailures, options);
        if (ReferenceEquals(failures, activity.Failures))
        {
            return activity;
        }

        return new SourceActivity(failures);
    }
}
