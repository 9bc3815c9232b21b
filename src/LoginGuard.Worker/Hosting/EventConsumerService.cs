using Confluent.Kafka;
using LoginGuard.Kafka;

namespace LoginGuard.Worker.Hosting;

/// <summary>
/// Runs the consume loop on its own thread (it blocks in <c>Consume</c>) for the life of the host. Stopping
/// asks it to finish events in flight and commit; if the host's shutdown deadline passes first, the loop
/// leaves without committing and the group redelivers what was unfinished.
/// </summary>
internal sealed class EventConsumerService(EventConsumerLoop loop, IHostApplicationLifetime lifetime, ILogger<EventConsumerService> logger)
    : IHostedService, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly CancellationTokenSource abort = new();
    private Task running = Task.CompletedTask;

    /// <summary>Why the loop stopped on its own, if it did; the run command exits non-zero then.</summary>
    public Exception? Failure { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        running = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Registered first: a deadline that has already passed must win over the graceful stop.
        await using var deadline = cancellationToken.Register(abort.Cancel);
        await stopping.CancelAsync();
        await running;
    }

    public void Dispose()
    {
        stopping.Dispose();
        abort.Dispose();
    }

    private void Run()
    {
        try
        {
            loop.Run(stopping.Token, abort.Token);
        }
        catch (KafkaException e)
        {
            // Already logged by the client that reported it.
            Failure = e;
            lifetime.StopApplication();
        }
        catch (Exception e)
        {
            KafkaLog.LoopFailed(logger, e);
            Failure = e;
            lifetime.StopApplication();
        }
    }
}
