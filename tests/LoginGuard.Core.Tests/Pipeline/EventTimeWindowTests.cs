using LoginGuard.Ingestion;
using LoginGuard.Pipeline;
using LoginGuard.State;
using Microsoft.Extensions.Time.Testing;

namespace LoginGuard.Core.Tests.Pipeline;

public sealed class EventTimeWindowTests
{
    private static readonly DateTimeOffset Day = new(2026, 10, 1, 18, 0, 0, TimeSpan.Zero);
    private static readonly StateOptions Options = new();

    [Fact]
    public void A_running_worker_dead_letters_an_event_dated_further_ahead_of_its_clock_than_the_allowed_skew()
    {
        var window = new WallClockWindow(new FakeTimeProvider(Day));

        window.Admit(Day + Options.AllowedSkew, Options).Should().BeNull();
        var rejection = window.Admit(Day + Options.AllowedSkew + TimeSpan.FromSeconds(1), Options);

        rejection.Should().NotBeNull();
        rejection!.Reason.Should().Be(RejectionReasons.OutOfWindow);
        rejection.Field.Should().Be("occurredAt");
        rejection.Detail.Should().Contain("State:AllowedSkew");
    }

    [Fact]
    public void A_running_worker_catching_up_after_an_outage_decides_events_from_days_ago()
    {
        var window = new WallClockWindow(new FakeTimeProvider(Day));

        window.Admit(Day - TimeSpan.FromDays(3), Options).Should().BeNull();
    }

    [Fact]
    public void A_replay_dead_letters_a_broken_clock_years_ahead_and_keeps_deciding_the_stream_after_it()
    {
        var window = new StreamPresentWindow();
        for (var day = 0; day < 5; day++)
        {
            window.Admit(Day.AddDays(day), Options).Should().BeNull();
        }

        window.Admit(Day.AddYears(10), Options)!.Reason.Should().Be(RejectionReasons.OutOfWindow);
        window.Admit(Day.AddDays(5), Options).Should().BeNull("the far-future event did not move the stream's present");
    }

    [Fact]
    public void A_replay_follows_its_stream_through_a_quiet_week_and_takes_one_learners_history_after_anothers()
    {
        var window = new StreamPresentWindow();
        window.Admit(Day, Options).Should().BeNull();
        window.Admit(Day.AddDays(8), Options).Should().BeNull();
        window.Admit(Day, Options).Should().BeNull("an early event cannot move any clock forward");
    }

    [Fact]
    public void A_replay_is_not_dragged_forward_by_two_broken_clocks_in_a_row()
    {
        var window = new StreamPresentWindow();
        for (var day = 0; day < 3; day++)
        {
            window.Admit(Day.AddDays(day), Options);
        }

        // Each is within the allowed skew of the median, so both are admitted; the median stays with the majority.
        window.Admit(Day.AddDays(25), Options).Should().BeNull();
        window.Admit(Day.AddDays(26), Options).Should().BeNull();
        window.Admit(Day.AddDays(60), Options)!.Reason.Should().Be(RejectionReasons.OutOfWindow);
    }
}
