using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LoginGuard.Feedback;

/// <summary>
/// Publishes the "wasn't me" reports kept in Redis: each one this worker took, as soon as it took it, and any other that
/// is due, round after round: those a dead worker left once its lease ran out, those still owed when this worker
/// starts, and those to be tried again. A report is recorded as published only after Kafka's delivery report, so it
/// goes out at least once; every copy carries the same report id. An outage of Kafka or Redis never stops it: a
/// report waits, leased to this worker, for as long as Kafka is away.
/// </summary>
internal sealed class CompromiseReportRelay(
    RedisFeedbackStore store,
    ICompromisePublisher publisher,
    FeedbackTokens tokens,
    ReportSignal signal,
    FeedbackMetrics metrics,
    IOptions<FeedbackOptions> options,
    TimeProvider clock,
    ILogger<CompromiseReportRelay> logger) : BackgroundService
{
    private const int BatchSize = 50;
    private readonly ReportRelayOptions settings = options.Value.Reports;

    /// <summary>The reports this worker is sending, by id, with when their lease was last renewed.</summary>
    private readonly ConcurrentDictionary<string, Lease> sending = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!tokens.IsEnabled)
        {
            // Without the token key no answer is taken, and no report kept could be opened.
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RenewLeasesAsync();
                foreach (var report in await store.ClaimDueReportsAsync(BatchSize, sending.Keys.ToHashSet(StringComparer.Ordinal)))
                {
                    Start(report, stoppingToken);
                }

                metrics.OldestOwedAt = await store.OldestOwedReportAsync();
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                FeedbackLog.RelayFailed(logger, e, settings.PollInterval);
            }

            try
            {
                await signal.WaitAsync(settings.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await GiveBackAsync();
    }

    private void Start(ClaimedReport report, CancellationToken stoppingToken)
    {
        if (report.Sealed is null)
        {
            metrics.Expired();
            FeedbackLog.Expired(logger, report.ReportId);
            return;
        }

        var lease = new Lease(clock.GetUtcNow());
        sending[report.ReportId] = lease;
        lease.Sent = SendAsync(report, report.Sealed, stoppingToken);
    }

    private async Task SendAsync(ClaimedReport report, string sealedReport, CancellationToken stoppingToken)
    {
        try
        {
            var claim = tokens.OpenReport(sealedReport)
                ?? throw new InvalidOperationException("The report was sealed with a Feedback token key that is no longer configured: put it back under Feedback:PreviousTokenKeys.");
            await publisher.PublishAsync(new CompromiseReport(report.ReportId, claim), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            sending.TryRemove(report.ReportId, out _);
            return;
        }
        catch (Exception e)
        {
            await RetryLaterAsync(report, e);
            sending.TryRemove(report.ReportId, out _);
            return;
        }

        metrics.Published();
        FeedbackLog.Published(logger, report.ReportId, report.EventId, report.Attempts);
        try
        {
            await store.MarkReportPublishedAsync(report.ReportId);
        }
        catch (Exception e)
        {
            FeedbackLog.PublishedNotRecorded(logger, e, report.ReportId);
        }

        sending.TryRemove(report.ReportId, out _);
    }

    private async Task RetryLaterAsync(ClaimedReport report, Exception refusal)
    {
        var backoff = settings.RetryBaseDelay * Math.Pow(2, Math.Min(report.Attempts - 1, 20));
        var notBefore = clock.GetUtcNow() + (backoff > settings.RetryMaxDelay ? settings.RetryMaxDelay : backoff);
        metrics.Retried();
        FeedbackLog.Retrying(logger, refusal, report.ReportId, report.EventId, report.Attempts, notBefore);
        try
        {
            await store.RetryReportAsync(report.ReportId, notBefore, $"{refusal.GetType().Name}: {refusal.Message}");
        }
        catch (Exception e)
        {
            // Its lease runs out instead, and it is claimed again then.
            FeedbackLog.RelayFailed(logger, e, settings.Lease);
        }
    }

    /// <summary>Renews each lease a third of the way through, so a report this worker waits on is not sent by another.</summary>
    private async Task RenewLeasesAsync()
    {
        var now = clock.GetUtcNow();
        foreach (var (reportId, lease) in sending)
        {
            if (now - lease.RenewedAt >= settings.Lease / 3)
            {
                await store.RenewReportAsync(reportId);
                lease.RenewedAt = now;
            }
        }
    }

    /// <summary>
    /// On the way out: the sends are cancelled (Kafka may still take one, and then the next worker sends it again under
    /// the same report id), and their reports are given back, so the next worker sends them without waiting for the lease.
    /// </summary>
    private async Task GiveBackAsync()
    {
        var held = sending.ToArray();
        await Task.WhenAll(held.Select(h => h.Value.Sent ?? Task.CompletedTask));
        foreach (var (reportId, _) in held)
        {
            try
            {
                await store.ReleaseReportAsync(reportId);
            }
            catch (Exception e)
            {
                FeedbackLog.RelayFailed(logger, e, settings.Lease);
            }
        }
    }

    private sealed class Lease(DateTimeOffset renewedAt)
    {
        public DateTimeOffset RenewedAt { get; set; } = renewedAt;

        public Task? Sent { get; set; }
    }
}
