using LoginGuard.Contracts;
using LoginGuard.State;

namespace LoginGuard.Testing.State;

public abstract partial class BehaviorStoreContract
{
    [Fact]
    public async Task A_batch_scores_a_learners_second_sign_in_against_the_first()
    {
        var store = CreateStore(Options);
        var first = Learners.SignIn("ana", Learners.Laptop, Learners.Start);
        var second = Learners.SignIn("ana", Learners.Laptop, Learners.Start.AddMinutes(5));

        var batch = await store.BeginAsync([first, second], SourceLookback.Everything, default);
        batch.Snapshot(first).Learner.KnowsDevice(Learners.Laptop.Id).Should().BeFalse();
        batch.Record(first, Assessed);
        var snapshot = batch.Snapshot(second);

        snapshot.Learner.KnowsDevice(Learners.Laptop.Id).Should().BeTrue();
        snapshot.Learner.SuccessfulLogins.Should().Be(1);
    }

    [Fact]
    public async Task A_batch_counts_a_sprays_earlier_failures_from_the_same_address()
    {
        var store = CreateStore(Options);
        var spray = Enumerable.Range(0, 12)
            .Select(i => Learners.From(Learners.FailedSignIn($"victim-{i}", Learners.Phone, Learners.Start.AddSeconds(i)), Learners.Lyon, "botnet-7"))
            .ToList();

        var batch = await store.BeginAsync(spray, SourceLookback.Everything, default);
        foreach (var failure in spray)
        {
            batch.Record(failure, Assessed);
        }

        batch.Snapshot(spray[^1]).Address.DistinctLearnersSince(Learners.Start).Should().Be(12);
    }

    [Fact]
    public async Task A_batch_reads_a_sources_failures_as_far_back_as_the_rules_look()
    {
        var store = CreateStore(Options);
        foreach (var minutesAgo in new[] { 90, 50, 5 })
        {
            var failure = Learners.From(Learners.FailedSignIn($"victim-{minutesAgo}", Learners.Phone, Learners.Start.AddMinutes(-minutesAgo)), Learners.Lyon, "botnet-8");
            await store.RecordAsync(failure, DecisionFor(failure), default);
        }

        var signIn = Learners.From(Learners.SignIn("ana", Learners.Laptop, Learners.Start), Learners.Lyon, "botnet-8");
        var batch = await store.BeginAsync([signIn], new SourceLookback(Address: TimeSpan.FromMinutes(10), Network: TimeSpan.FromHours(1)), default);
        var snapshot = batch.Snapshot(signIn);

        // A store may read further back (the Redis store keeps whole sets between batches): windows count by time.
        snapshot.Address.Failures.TakeWhile(f => f.At >= Learners.Start.AddMinutes(-10)).Select(f => f.Key)
            .Should().Equal([Learners.From(Learners.FailedSignIn("victim-5", Learners.Phone, Learners.Start), Learners.Lyon, "botnet-8").Keys.Learner]);
        snapshot.Address.DistinctLearnersSince(Learners.Start.AddMinutes(-10)).Should().Be(1);
        snapshot.Network.FailuresSince(Learners.Start.AddHours(-1)).Should().Be(2, "the network's rules look back an hour");
    }

    [Fact]
    public async Task A_batch_reads_every_address_and_network_it_names_each_with_its_own_failures_newest_first()
    {
        var store = CreateStore(Options);
        var expected = new Dictionary<string, SourceActivity>();
        var random = new Random(5);
        for (var i = 0; i < 60; i++)
        {
            // Ten addresses on five networks, times on a coarse grid so ties are common.
            var source = random.Next(0, 10);
            var network = Learners.Lyon with { Asn = 64500 + (source % 5) };
            var failure = Learners.From(Learners.FailedSignIn($"victim-{i % 7}", Learners.Phone, Learners.Start.AddSeconds(random.Next(0, 20) * 30)), network, $"spray-{source}");
            await Record(store, failure);
            foreach (var key in new[] { BehaviorBatch.AddressKey(failure.Keys), BehaviorBatch.NetworkKey(failure.Keys) })
            {
                expected[key] = Failures.Apply(expected.GetValueOrDefault(key, SourceActivity.Empty), failure, Options);
            }
        }

        var probes = Enumerable.Range(0, 12)
            .Select(source => Learners.From(Learners.SignIn("ana", Learners.Laptop, Learners.Start.AddHours(1)), Learners.Lyon with { Asn = 64500 + (source % 6) }, $"spray-{source}"))
            .ToList();
        var batch = await store.BeginAsync(probes, SourceLookback.Everything, default);

        foreach (var probe in probes)
        {
            var snapshot = batch.Snapshot(probe);
            snapshot.Address.Failures.Should().Equal(expected.GetValueOrDefault(BehaviorBatch.AddressKey(probe.Keys), SourceActivity.Empty).Failures, probe.Keys.Address);
            snapshot.Network.Failures.Should().Equal(expected.GetValueOrDefault(BehaviorBatch.NetworkKey(probe.Keys), SourceActivity.Empty).Failures, probe.Keys.Network);
        }
    }

    [Fact]
    public async Task A_batch_knows_an_event_it_recorded_and_refuses_to_record_it_twice()
    {
        var store = CreateStore(Options);
        var signIn = Learners.SignIn("ana", Learners.Laptop, Learners.Start);

        var batch = await store.BeginAsync([signIn, signIn], SourceLookback.Everything, default);
        batch.HasRecorded(signIn).Should().BeFalse();
        batch.Record(signIn, Assessed);

        batch.HasRecorded(signIn).Should().BeTrue();
        batch.Invoking(b => b.Record(signIn, Assessed)).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public async Task A_commit_refuses_a_decision_for_an_event_its_batch_did_not_record()
    {
        var store = CreateStore(Options);
        var signIn = Learners.SignIn("ana", Learners.Laptop, Learners.Start);
        var stranger = Learners.SignIn("bob", Learners.Laptop, Learners.Start);
        var batch = await store.BeginAsync([signIn], SourceLookback.Everything, default);
        batch.Record(signIn, Assessed);

        await store.Awaiting(s => s.CommitAsync(batch, [Recorded(signIn), Recorded(stranger)], default).AsTask()).Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task Committing_a_batch_keeps_exactly_what_recording_its_events_one_by_one_keeps()
    {
        var events = Mixed(seed: 11, count: 120);
        var oneByOne = CreateStore(Options);
        foreach (var enriched in events)
        {
            await oneByOne.RecordAsync(enriched, DecisionFor(enriched), default);
        }

        var batched = CreateStore(Options);
        foreach (var chunk in events.Chunk(25))
        {
            var batch = await batched.BeginAsync(chunk, SourceLookback.Everything, default);
            var kept = new List<RecordedEvent>();
            foreach (var enriched in chunk.Where(e => batch.Snapshot(e).PreviousDecision is null && !batch.HasRecorded(e)))
            {
                batch.Record(enriched, Assessed);
                kept.Add(new RecordedEvent(enriched, DecisionFor(enriched) with { Alerts = [AlertKind.NewDevice] }));
            }

            (await batched.CommitAsync(batch, kept, default)).WroteAll.Should().BeTrue();
        }

        foreach (var probe in events.Select(e => Learners.From(Learners.SignIn(e.Event.UserId, Learners.Tablet, Learners.Start.AddDays(1)), Learners.Lyon, e.Keys.Address)))
        {
            var expected = await oneByOne.LoadAsync(probe, default);
            var actual = await batched.LoadAsync(probe, default);
            actual.Learner.Should().BeEquivalentTo(expected.Learner);
            actual.Address.Failures.Should().Equal(expected.Address.Failures);
        }

        var decided = await batched.LoadAsync(events[0], default);
        decided.PreviousDecision!.Alerts.Should().Equal([AlertKind.NewDevice], "the decision kept is the one committed");
    }

    [Fact]
    public async Task A_commit_reports_events_another_delivery_recorded_after_the_batch_was_read()
    {
        var store = CreateStore(Options);
        var signIn = Learners.SignIn("ana", Learners.Laptop, Learners.Start);
        var later = Learners.SignIn("ana", Learners.Phone, Learners.Start.AddMinutes(1));
        var batch = await store.BeginAsync([signIn, later], SourceLookback.Everything, default);
        batch.Record(signIn, Assessed);
        batch.Record(later, Assessed);

        (await store.RecordAsync(signIn, DecisionFor(signIn), default)).Should().BeTrue("the other delivery gets there first");
        var committed = await store.CommitAsync(batch, [Recorded(signIn), Recorded(later)], default);

        committed.RecordedElsewhere.Should().BeEquivalentTo([signIn.Event.EventId]);
        committed.Erased.Should().BeEmpty();
        var history = (await store.LoadAsync(Learners.SignIn("ana", Learners.Tablet, Learners.Start.AddHours(1)), default)).Learner;
        history.SuccessfulLogins.Should().Be(2, "each sign-in counted once");
        history.KnowsDevice(Learners.Phone.Id).Should().BeTrue();
    }

    /// <summary>Sign-ins and failures of a few learners from a few addresses, with redeliveries.</summary>
    private static List<EnrichedEvent> Mixed(int seed, int count)
    {
        var random = new Random(seed);
        var devices = new[] { Learners.Laptop, Learners.Phone, Learners.Tablet };
        var events = new List<EnrichedEvent>();
        for (var i = 0; i < count; i++)
        {
            if (events.Count > 0 && random.Next(10) == 0)
            {
                events.Add(events[random.Next(events.Count)]);
                continue;
            }

            var learner = $"learner-{random.Next(6)}";
            var at = Learners.Start.AddMinutes(i);
            var device = devices[random.Next(devices.Length)];
            var enriched = random.Next(3) == 0 ? Learners.FailedSignIn(learner, device, at) : Learners.SignIn(learner, device, at);
            events.Add(Learners.From(enriched, Learners.Lyon, $"addr-{random.Next(3)}"));
        }

        return events;
    }
}
