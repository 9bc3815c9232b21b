using LoginGuard.Contracts;
using Microsoft.Extensions.Options;

namespace LoginGuard.Alerts.Outbox;

/// <summary>The outbox of the embedded replay and of tests: the same rules as Redis, kept in this process under one lock.</summary>
internal sealed partial class InMemoryOutboxStore(
    IOptions<AlertOutboxOptions> outboxOptions,
    IOptions<AlertThrottleOptions> throttleOptions,
    IOptions<SuspiciousActivityOptions> suspiciousOptions,
    TimeProvider clock)
    : IOutboxStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (AlertOwner Owner, NewDeviceThrottle Throttle)> throttles = new(StringComparer.Ordinal);
    private readonly Dictionary<(string UserId, Incident Incident), DateTimeOffset> incidents = [];
    private readonly AlertOutboxOptions options = outboxOptions.Value;


    public Task<EnqueueOutcome> EnqueueAsync(AddressedAlert addressed, CancellationToken cancellationToken)
    {
        var (alert, owner) = addressed;
        lock (gate)
        {
            if (entries.ContainsKey(alert.AlertId))
            {
                return Task.FromResult(EnqueueOutcome.Duplicate);
            }

            var now = clock.GetUtcNow();
            var admitted = alert;
            if (alert.Kind == AlertKind.NewDevice)
            {
                var throttle = throttles.TryGetValue(owner.UserId, out var found) ? found.Throttle : (throttles[owner.UserId] = (owner, new(owner.Learner))).Throttle;
                (admitted, var summary) = throttle.Admit(alert, throttleOptions.Value, now);
                Queue(summary, owner, now);
            }
            else if (alert is { Kind: AlertKind.SuspiciousActivity, Incident: { } incident } && !IsNewIncident(owner.UserId, alert, incident))
            {
                admitted = null;
            }

            entries[alert.AlertId] = admitted is null
                ? new Entry(alert, owner, now) { State = OutboxState.Suppressed }
                : new Entry(admitted, owner, now) { DueAt = now };
            return Task.FromResult(admitted is null ? EnqueueOutcome.Suppressed : EnqueueOutcome.Queued);
        }
    }

    public Task<int> CloseWindowsAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            var queued = 0;
            foreach (var (owner, throttle) in throttles.Values.Where(t => t.Throttle.IsHolding && t.Throttle.ClosesAt <= until))
            {
                queued += Queue(throttle.Close(), owner, now) ? 1 : 0;
            }

            return Task.FromResult(queued);
        }
    }

    public Task<IReadOnlyList<ClaimedAlert>> ClaimDueAsync(int max, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            var due = entries.Values
                .Where(e => e.State == OutboxState.Queued && e.DueAt <= now)
                .OrderBy(e => e.DueAt)
                .Take(max)
                .ToList();
            foreach (var entry in due)
            {
                entry.DueAt = now + options.Lease;
                entry.Claim++;
            }

            return Task.FromResult<IReadOnlyList<ClaimedAlert>>([.. due.Select(e => new ClaimedAlert(e.Alert, e.Attempts, e.QueuedAt, e.Claim))]);
        }
    }

    public Task<bool> RenewAsync(ClaimedAlert claimed, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var standing = StandingOf(claimed, out var entry);
            if (standing == ClaimStanding.Current)
            {
                entry!.DueAt = clock.GetUtcNow() + options.Lease;
            }

            return Task.FromResult(standing == ClaimStanding.Current);
        }
    }

    public Task<ClaimStanding> MarkSentAsync(ClaimedAlert claimed, CancellationToken cancellationToken) =>
        Update(claimed, evenIfSuperseded: true, entry => entry.State = OutboxState.Sent);

    public Task<ClaimStanding> RetryLaterAsync(ClaimedAlert claimed, DateTimeOffset notBefore, string reason, CancellationToken cancellationToken) =>
        Update(claimed, evenIfSuperseded: false, entry =>
        {
            entry.Attempts++;
            entry.DueAt = notBefore;
            entry.Reason = reason;
        });

    public Task<ClaimStanding> MarkFailedAsync(ClaimedAlert claimed, string reason, CancellationToken cancellationToken) =>
        Update(claimed, evenIfSuperseded: false, entry =>
        {
            entry.State = OutboxState.Failed;
            entry.Reason = reason;
            entry.FailedAt = clock.GetUtcNow();
        });

    public Task<IReadOnlyList<FailedAlert>> FailedAsync(int max, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            IReadOnlyList<FailedAlert> failed = [.. entries.Values
                .Where(e => e.State == OutboxState.Failed)
                .OrderByDescending(e => e.FailedAt)
                .Take(max)
                .Select(e => new FailedAlert(e.Alert.AlertId, e.Alert.Kind, e.Alert.Event.EventId, e.Reason!, e.FailedAt))];
            return Task.FromResult(failed);
        }
    }

    public Task<OutboxState?> StateAsync(string alertId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(entries.TryGetValue(alertId, out var entry) ? entry.State : (OutboxState?)null);
        }
    }

    public Task<DateTimeOffset?> OldestQueuedAtAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var queued = entries.Values.Where(e => e.State == OutboxState.Queued).Select(e => (DateTimeOffset?)e.QueuedAt);
            return Task.FromResult(queued.Min());
        }
    }

    // Findings of one kind less than the quiet period apart are one incident; the latest finding extends it.
    private bool IsNewIncident(string userId, Alert alert, Incident incident)
    {
        var key = (userId, incident);
        var at = alert.Event.OccurredAt;
        var quiet = suspiciousOptions.Value.QuietPeriod;
        var isNew = !incidents.TryGetValue(key, out var last) || at <= last - quiet || at >= last + quiet;
        incidents[key] = isNew || at > last ? at : last;
        return isNew;
    }

    private bool Queue(Alert? summary, AlertOwner owner, DateTimeOffset now) =>
        summary is not null && entries.TryAdd(summary.AlertId, new Entry(summary, owner, now) { DueAt = now });

    // Only a queued alert moves on: a late answer about an alert already sent or failed changes nothing.
    private Task<ClaimStanding> Update(ClaimedAlert claimed, bool evenIfSuperseded, Action<Entry> change)
    {
        lock (gate)
        {
            var standing = StandingOf(claimed, out var entry);
            if (standing == ClaimStanding.Current || (standing == ClaimStanding.Superseded && evenIfSuperseded))
            {
                change(entry!);
            }

            return Task.FromResult(standing);
        }
    }

    private ClaimStanding StandingOf(ClaimedAlert claimed, out Entry? entry) =>
        !entries.TryGetValue(claimed.Alert.AlertId, out entry) || entry.State != OutboxState.Queued ? ClaimStanding.Settled
        : entry.Claim == claimed.Claim ? ClaimStanding.Current
        : ClaimStanding.Superseded;

    /// <param name="owner">Whose the alert is: export and erasure find a learner's alerts by it.</param>
    private sealed class Entry(Alert alert, AlertOwner owner, DateTimeOffset queuedAt)
    {
        public Alert Alert { get; } = alert;

        public AlertOwner Owner { get; } = owner;

        public DateTimeOffset QueuedAt { get; } = queuedAt;

        public OutboxState State { get; set; } = OutboxState.Queued;

        public DateTimeOffset DueAt { get; set; }

        public int Attempts { get; set; }

        public long Claim { get; set; }

        public string? Reason { get; set; }

        public DateTimeOffset FailedAt { get; set; }
    }
}
