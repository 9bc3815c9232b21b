namespace LoginGuard.Alerts;

/// <summary>
/// One learner's new-device throttle on event time. A window opens with a mailed alert; within it at most
/// <see cref="AlertThrottleOptions.MaxNewDeviceMails"/> are mailed and the rest counted; the first alert after it
/// opens the next window and carries the count. The Redis outbox runs the same rules in Lua (OutboxScripts.Enqueue).
/// </summary>
internal sealed class NewDeviceThrottle
{
    private DateTimeOffset? windowStart;
    private int mailed;
    private int suppressed;
    private DateTimeOffset suppressedSince;

    /// <returns>Null when the alert is suppressed; else the alert to mail, carrying any count it must tell.</returns>
    public Alert? Admit(Alert alert, AlertThrottleOptions options)
    {
        var at = alert.Source.Event.OccurredAt;
        if (windowStart is { } start && at > start - options.Window && at < start + options.Window)
        {
            if (mailed >= options.MaxNewDeviceMails)
            {
                suppressedSince = suppressed == 0 || at < suppressedSince ? at : suppressedSince;
                suppressed++;
                return null;
            }

            mailed++;
            return alert;
        }

        // A late event from long before the window is not part of this burst: mail it and leave the window be.
        if (windowStart is { } current && at <= current - options.Window)
        {
            return alert;
        }

        var carried = suppressed > 0 ? new SuppressedSignIns(suppressed, suppressedSince) : null;
        (windowStart, mailed, suppressed) = (at, 1, 0);
        return alert with { Suppressed = carried };
    }
}
