using System.Security.Cryptography;
using System.Text;
using LoginGuard.Contracts;

namespace LoginGuard.Alerts;

/// <summary>
/// One mail owed to a learner. The id is derived from (learner, eventId, kind) — and the recipient when the mail
/// is a copy to another address than the event's — so however often an event is redelivered, the same alerts, and
/// the same SMTP Message-Ids, come out of it. The learner is part of it because event ids come from the identity
/// provider's producers and nothing makes them unique across learners; it enters as its keyed hash
/// (<see cref="StateKeys.Learner"/>), so a Message-Id never leads back to a user id. It carries only what the mail
/// tells of its event (<see cref="MailedEvent"/>); whose it is travels beside it into the outbox (<see cref="AddressedAlert"/>).
/// </summary>
internal sealed record Alert(string AlertId, AlertKind Kind, MailedEvent Event, string Recipient)
{
    /// <summary>
    /// Set only on a summary: the new-device sign-ins the throttle held back in one window, oldest first, each told
    /// in this one mail. The summary's <see cref="Event"/> is the latest of them.
    /// </summary>
    public IReadOnlyList<Alert>? Summarizes { get; init; }

    /// <summary>Set only on a suspicious-activity alert: which incident it tells of.</summary>
    public Incident? Incident { get; init; }

    /// <summary>The "was this you?" page with this mail's sealed token, when feedback is on: then the mail's one link.</summary>
    public string? ReviewUrl { get; init; }

    /// <summary>The zone the mail writes times in (<see cref="LearnerZone"/>), from the learner's history at decision time; null: UTC.</summary>
    public string? LearnerTimeZone { get; init; }

    public static Alert For(EnrichedEvent source, AlertKind kind, string recipient)
    {
        var isCopy = !string.Equals(recipient.Trim(), source.Event.Email?.Trim(), StringComparison.OrdinalIgnoreCase);
        return new(IdFor(source.Keys.Learner, source.Event.EventId, kind, isCopy ? recipient : null), kind, MailedEvent.From(source), recipient);
    }

    /// <summary>
    /// The summary of a throttle window, addressed like its latest sign-in. Its id derives from the first sign-in
    /// held in the window, which every store knows the moment it holds it, so however often the window is closed
    /// (a redelivery, a restart, a second worker) it names one mail.
    /// </summary>
    /// <param name="held">The held sign-ins in the order they were held; the mail lists them by time.</param>
    /// <param name="summaryId">
    /// <see cref="SummaryIdFor"/> the learner and the first held sign-in: the throttle that held them knows the learner,
    /// the alerts do not.
    /// </param>
    public static Alert SummaryOf(IReadOnlyList<Alert> held, string summaryId)
    {
        List<Alert> byTime = [.. held.OrderBy(h => h.Event.OccurredAt)];
        var latest = byTime[^1];
        return new(summaryId, AlertKind.NewDevice, latest.Event, latest.Recipient) { Summarizes = byTime };
    }

    /// <param name="learner">The learner's keyed hash (<see cref="StateKeys.Learner"/>).</param>
    public static string SummaryIdFor(string learner, string firstHeldEventId) => Hash($"new-device-summary\n{learner}\n{firstHeldEventId}");

    /// <param name="learner">The learner's keyed hash (<see cref="StateKeys.Learner"/>).</param>
    /// <param name="copyRecipient">Set only for a copy to another address (the old one on an email change), so the copy gets its own id.</param>
    public static string IdFor(string learner, string eventId, AlertKind kind, string? copyRecipient = null)
    {
        var input = copyRecipient is null
            ? $"{kind.ToWireName()}\n{learner}\n{eventId}"
            : $"{kind.ToWireName()}\n{learner}\n{eventId}\n{copyRecipient.Trim().ToLowerInvariant()}";
        return Hash(input);
    }

    private static string Hash(string input)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(input));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
