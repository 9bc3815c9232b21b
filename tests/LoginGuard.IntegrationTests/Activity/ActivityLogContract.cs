using LoginGuard.Activity;
using Microsoft.Extensions.Time.Testing;

namespace LoginGuard.IntegrationTests.Activity;

/// <summary>What every activity log must do; the in-process and the Redis log each run this suite.</summary>
public abstract class ActivityLogContract
{
    internal static readonly DateTimeOffset Now = new(2026, 10, 5, 9, 0, 0, TimeSpan.Zero);

    internal static readonly ActivityOptions Options = new() { Retention = TimeSpan.FromDays(30), MaxEntries = 10 };

    internal FakeTimeProvider Clock { get; } = new(Now);

    internal abstract IActivityLog CreateLog();

    [Fact]
    public async Task Shows_a_learners_activity_newest_first_with_what_the_learner_needs_to_recognise_it()
    {
        var log = CreateLog();
        await log.RecordAsync("ana", Entry("e1", Now.AddHours(-3)), default);
        await log.RecordAsync("ana", Entry("e3", Now.AddHours(-1), alerts: ["new-device"]), default);
        await log.RecordAsync("ana", Entry("e2", Now.AddHours(-2)), default);

        var entries = await log.ReadAsync("ana", default);

        entries.Select(e => e.EventId).Should().Equal("e3", "e2", "e1");
        entries[0].Should().BeEquivalentTo(Entry("e3", Now.AddHours(-1), alerts: ["new-device"]));
    }

    [Fact]
    public async Task Records_an_event_once_however_often_it_is_delivered()
    {
        var log = CreateLog();
        await log.RecordAsync("ana", Entry("e1", Now), default);
        await log.RecordAsync("ana", Entry("e1", Now) with { RiskLevel = "high" }, default);

        (await log.ReadAsync("ana", default)).Should().ContainSingle().Which.RiskLevel.Should().Be("none");
    }

    [Fact]
    public async Task Keeps_the_newest_entries_up_to_the_cap()
    {
        var log = CreateLog();
        for (var i = 0; i < Options.MaxEntries + 5; i++)
        {
            await log.RecordAsync("ana", Entry($"e{i:D2}", Now.AddMinutes(-100 + i)), default);
        }

        var entries = await log.ReadAsync("ana", default);

        entries.Should().HaveCount(Options.MaxEntries);
        entries[^1].EventId.Should().Be("e05");
        entries[0].EventId.Should().Be("e14");
    }

    [Fact]
    public async Task Forgets_what_is_older_than_the_retention()
    {
        var log = CreateLog();
        await log.RecordAsync("ana", Entry("old", Now.AddDays(-31)), default);
        await log.RecordAsync("ana", Entry("recent", Now.AddDays(-29)), default);

        (await log.ReadAsync("ana", default)).Select(e => e.EventId).Should().Equal("recent");

        Clock.Advance(TimeSpan.FromDays(2));
        (await log.ReadAsync("ana", default)).Should().BeEmpty();
    }

    [Fact]
    public async Task Records_a_batch_of_many_learners_entries_as_if_each_came_alone()
    {
        var log = CreateLog();
        string[] learners = ["ana", "bo", "cy"];
        var batch = Enumerable.Range(0, Options.MaxEntries + 5)
            .SelectMany(i => learners.Select(learner => (learner, Entry($"{learner}-{i:D2}", Now.AddMinutes(-100 + i)))))
            .Append(("bo", Entry("bo-14", Now.AddMinutes(-86)) with { RiskLevel = "high" }))
            .ToList();

        await log.RecordAsync(batch, default);

        foreach (var learner in learners)
        {
            var entries = await log.ReadAsync(learner, default);
            entries.Select(e => e.EventId).Should().Equal(Enumerable.Range(5, Options.MaxEntries).Reverse().Select(i => $"{learner}-{i:D2}"));
            entries.Should().OnlyContain(e => e.RiskLevel == "none", "an eventId already there changes nothing");
        }
    }

    [Fact]
    public async Task Keeps_each_learners_activity_apart_and_forgets_one_learner_whole()
    {
        var log = CreateLog();
        await log.RecordAsync("ana", Entry("a1", Now), default);
        await log.RecordAsync("bo", Entry("b1", Now), default);

        await log.ForgetAsync("ana", default);

        (await log.ReadAsync("ana", default)).Should().BeEmpty();
        (await log.ReadAsync("bo", default)).Select(e => e.EventId).Should().Equal("b1");
    }

    internal static ActivityEntry Entry(string eventId, DateTimeOffset at, IReadOnlyList<string>? alerts = null) => new(
        eventId, "login.succeeded", at, "Safari on iPhone", "Mozilla/5.0 (iPhone)", "81.57.10.20", "Lyon", "France", "none",
        alerts ?? [], alerts is null ? [] : [$"alert-{eventId}"]);
}
