using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LoginGuard.LearnerRecords;

/// <summary>
/// Does the erasures deleted accounts left in Redis, off the Kafka lanes: it takes those due, forgets each learner, and
/// removes each erasure once done or makes it due again after <see cref="ErasureOptions.RetryDelay"/>. An outage of Redis
/// or of a store never stops it: it logs, waits and tries again. Between rounds it waits for one to be queued here, or
/// the poll interval.
/// </summary>
internal sealed class ErasureWorker(RedisErasures queue, LearnerEraser eraser, ErasureMetrics metrics, ILogger<ErasureWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                var due = await queue.ClaimAsync(stoppingToken);
                claimed = due.Count;
                await Task.WhenAll(due.Select(erasure => EraseAsync(erasure, stoppingToken)));
                metrics.Waiting = await queue.CountAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                ErasureLog.QueueUnreachable(logger, e);
            }

            if (claimed == 0)
            {
                try
                {
                    await queue.WaitAsync(stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Stopped midway, an erasure stays taken until its lease ends, then another worker does it again: it is idempotent.</summary>
    private async Task EraseAsync(QueuedErasure erasure, CancellationToken stoppingToken)
    {
        try
        {
            await eraser.ForgetAsync(erasure.Learners, stoppingToken);
            await queue.DoneAsync(erasure, stoppingToken);
            metrics.Done();
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            ErasureLog.Failed(logger, e, erasure.Id);
            await queue.RetryAsync(erasure, stoppingToken);
            metrics.Retried();
        }
    }
}
