using LoginGuard.Pipeline;
using LoginGuard.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LoginGuard.IntegrationTests.Replay;

/// <summary>Which present an event's time is judged against: the worker's clock when it runs, the stream's own in a replay.</summary>
public sealed class EventTimeWindowChoiceTests
{
    [Fact]
    public void The_running_worker_judges_event_time_by_its_own_clock()
    {
        using var host = new WorkerSettings().CreateRunBuilder().Build();

        host.Services.GetRequiredService<IEventTimeWindow>().Should().BeOfType<WallClockWindow>();
    }

    [Fact]
    public void A_replay_judges_event_time_by_the_replayed_stream()
    {
        using var host = new WorkerSettings().CreateBuilder().Build();

        host.Services.GetRequiredService<IEventTimeWindow>().Should().BeOfType<StreamPresentWindow>();
    }
}
