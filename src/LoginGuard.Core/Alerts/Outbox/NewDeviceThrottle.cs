namespace LoginGuard.Alerts.Outbox;

/// <summary>
/// One learner's new-device throttle. A window opens with a mailed alert; within it (event time) at most
/// <see cref="AlertThrottleOptions.MaxNewDeviceMails"/> are mailed and the rest held. When the window closes — a
/// new-device sign-in after it, its end passing on the wall clock, or the end of a replay — the held sign-ins go
/// out together as one summary, so no learner is left untold. The Redis outbox runs the same rules in Lua
/// (<see cref="OutboxScripts"/>).
/// </summary>
/// <param name="learner">The learner's keyed hash, from which a window's summary takes its id.</param>
internal sealed class NewDeviceThrottle(string learner)
{
    private readonly List<Alert> held = [];
    private DateTimeOffset? windowStart;
    private DateTimeOffset closesAt;
    private int mailed;

    /// <summary>Whether sign-ins are held that a closing window would summarize.</summary>
    public bool IsHolding => held.Count > 0;

    /// <summary>When the window ends on the wall clock, whatever the events' own times say.</summary>
    public DateTimeOffset ClosesAt => closesAt;

    /// <param name="now">The wall clock, which starts the window's own deadline when the alert opens one.</param>
    /// <returns>
    /// <c>Admitted</c>: the alert to mail, or null when it is held. <c>Summary</c>: the summary of the window this
    /// alert closed, or null.
    /// </returns>
    public (Alert? Admitted, Alert? Summary) Admit(Alert alert, AlertThrottleOptions options, DateTimeOffset now)
    {
        var at = alert.Event.OccurredAt;
        if (windowStart is { } start && at > start - options.Window && at < start + options.Window)
        {
            if (mailed >= options.MaxNewDeviceMails)
            {
                held.Add(alert);
                return (null, null);
            }

            mailed++;
            return (alert, null);
        }

        // A late event from long before the window is not part of this burst: mail it and leave the window be.
        if (windowStart is { } current && at <= current - options.Window)
        {
            return (alert, null);
        }

        var summary = Close();
        (windowStart, closesAt, mailed) = (at, now + options.Window, 1);
        return (alert, summary);
    }

    /// <summary>Ends the window: the next new-device sign-in is mailed and opens another.</summary>
    /// <returns>The summary of what the window held, or null when it held nothing.</returns>
    public Alert? Close()
    {
        windowStart = null;
        if (held.Count == 0)
        {
            return null;
        }

        var summary = Alert.SummaryOf([.. held], Alert.SummaryIdFor(learner, held[0].Event.EventId));
        held.Clear();
        return summary;
    }
}
