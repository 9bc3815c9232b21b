using LoginGuard.Pipeline;
using LoginGuard.State;

namespace LoginGuard.Core.Tests.Pipeline;

public sealed class PublicationMarksTests
{
    private readonly List<string[]> calls = [];
    private readonly Queue<TaskCompletionSource> answers = new();

    [Fact]
    public async Task Marks_delivered_while_the_store_writes_go_to_it_together_in_one_call()
    {
        var marks = new PublicationMarks(WriteAsync, CancellationToken.None);

        var first = marks.WriteAsync(Mark("e1"));
        var meanwhile = new[] { marks.WriteAsync(Mark("e2")), marks.WriteAsync(Mark("e3")) };
        answers.Dequeue().SetResult();
        answers.Dequeue().SetResult();
        await Task.WhenAll([first, .. meanwhile]);

        calls.Should().BeEquivalentTo([new[] { "e1" }, ["e2", "e3"]], options => options.WithStrictOrdering());
    }

    [Fact]
    public async Task A_failed_write_fails_every_mark_it_carried_and_the_next_mark_is_written_anew()
    {
        var marks = new PublicationMarks(WriteAsync, CancellationToken.None);
        var first = marks.WriteAsync(Mark("e1"));
        var carried = marks.WriteAsync(Mark("e2"));
        answers.Dequeue().SetResult();
        await first;

        answers.Dequeue().SetException(new TimeoutException("Redis timed out"));

        await carried.Invoking(mark => mark).Should().ThrowAsync<TimeoutException>();
        var retried = marks.WriteAsync(Mark("e2"));
        answers.Dequeue().SetResult();
        await retried;
        calls.Should().BeEquivalentTo([new[] { "e1" }, ["e2"], ["e2"]], options => options.WithStrictOrdering());
    }

    [Fact]
    public async Task A_backlog_is_written_in_bounded_groups()
    {
        var marks = new PublicationMarks(WriteAsync, CancellationToken.None);
        var first = marks.WriteAsync(Mark("e0"));
        var backlog = Enumerable.Range(1, PublicationMarks.MaxGroup + 1).Select(i => marks.WriteAsync(Mark($"e{i}"))).ToList();

        answers.Dequeue().SetResult();
        answers.Dequeue().SetResult();
        answers.Dequeue().SetResult();
        await Task.WhenAll([first, .. backlog]);

        calls.Select(call => call.Length).Should().Equal(1, PublicationMarks.MaxGroup, 1);
    }

    private static Publication Mark(string eventId) => new("ana", eventId);

    private ValueTask WriteAsync(IReadOnlyList<Publication> publications, CancellationToken cancellationToken)
    {
        calls.Add([.. publications.Select(p => p.EventId)]);
        var answer = new TaskCompletionSource();
        answers.Enqueue(answer);
        return new ValueTask(answer.Task);
    }
}
