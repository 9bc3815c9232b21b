using LoginGuard.Contracts;
using LoginGuard.Privacy;
using LoginGuard.IntegrationTests.Infrastructure;
using LoginGuard.State;
using LoginGuard.Testing;
using LoginGuard.Testing.State;

namespace LoginGuard.IntegrationTests.State;

public sealed class RedisSourceFailuresTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private static readonly StateOptions Small = new() { MaxSourceFailures = 5, FailureMemory = TimeSpan.FromHours(1), AllowedLateness = TimeSpan.FromMinutes(5) };

    /// <summary>Sets large enough to be kept in memory between batches.</summary>
    private static readonly StateOptions Busy = new() { MaxSourceFailures = 40, FailureMemory = TimeSpan.FromHours(1), AllowedLateness = TimeSpan.FromMinutes(5) };

    [Fact]
    public async Task An_address_remembers_exactly_what_Failures_Add_would_through_ties_late_events_and_the_cap_and_a_redelivery_changes_nothing()
    {
        var store = redis.CreateBehaviorStore(Small).Store;
        var expected = SourceActivity.Empty;
        var random = new Random(7);
        var delivered = new HashSet<int>();
        for (var i = 0; i < 300; i++)
        {
            // Times on a coarse grid make ties common; some events are an hour late and fall out at once.
            var at = Learners.Start.AddMinutes(i / 3).AddSeconds(random.Next(0, 4) * 15).AddMinutes(random.Next(0, 10) == 0 ? -70 : 0);
            // A redelivery repeats an event id, always with its own learner.
            var id = random.Next(0, 260);
            var failure = Learners.From(
                Learners.Event($"learner-{id % 40}", AuthEventType.LoginFailed, Learners.Phone, at, $"evt-{id:D3}"),
                Learners.Lyon,
                "spray-1");
            var firstDelivery = delivered.Add(id);
            if (firstDelivery)
            {
                expected = Failures.Apply(expected, failure, Small);
            }

            (await store.RecordAsync(failure, BehaviorStoreContract.DecisionFor(failure), default)).Should().Be(firstDelivery, "a redelivery changes nothing");

            var snapshot = await store.LoadAsync(failure, default);
            snapshot.Address.Failures.Should().Equal(expected.Failures, $"after event {i} ({failure.Event.EventId} at {at:O})");
            snapshot.Network.Failures.Should().Equal(expected.Failures);
        }
    }

    [Fact]
    public async Task An_address_sprayed_many_times_in_one_batch_remembers_exactly_what_Failures_Add_would_one_by_one()
    {
        var (store, keys, _) = redis.CreateBehaviorStore(Small);
        var expected = SourceActivity.Empty;
        var random = new Random(5);
        var next = 0;
        for (var round = 0; round < 30; round++)
        {
            // Up to a dozen failures a batch, out of order on a coarse grid so that times tie, some an hour late: the cap
            // of five and the memory trim within the batch as well as across batches.
            var failures = Enumerable.Range(0, random.Next(1, 13)).Select(_ =>
            {
                var id = next++;
                var at = Learners.Start.AddMinutes((round * 4) + random.Next(0, 4)).AddMinutes(random.Next(0, 8) == 0 ? -70 : 0);
                return Learners.From(Learners.Event($"learner-{id % 17}", AuthEventType.LoginFailed, Learners.Phone, at, $"evt-{id:D3}"), Learners.Lyon, "spray-batch");
            }).ToList();
            var batch = await store.BeginAsync(failures, SourceLookback.Everything, default);
            foreach (var failure in failures)
            {
                batch.Record(failure, BehaviorStoreContract.DecisionFor(failure).Assessment());
                expected = Failures.Apply(expected, failure, Small);
            }

            (await store.CommitAsync(batch, [.. failures.Select(failure => new RecordedEvent(failure, BehaviorStoreContract.DecisionFor(failure)))], default)).WroteAll.Should().BeTrue();

            (await SecondWorker(keys, Small).LoadAsync(failures[0], default)).Address.Failures.Should().Equal(expected.Failures, $"Redis's set in round {round}");
            (await store.LoadAsync(failures[0], default)).Address.Failures.Should().Equal(expected.Failures, $"the worker's own copy in round {round}");
        }
    }

    [Fact]
    public async Task Keeps_failure_times_to_the_microsecond()
    {
        var store = redis.CreateBehaviorStore(Small).Store;
        var at = Learners.Start.AddTicks(1_234_560);
        var failure = Learners.From(Learners.FailedSignIn("ana", Learners.Phone, at), Learners.Lyon, "addr-µs");
        await store.RecordAsync(failure, BehaviorStoreContract.DecisionFor(failure), default);

        var snapshot = await store.LoadAsync(failure, default);

        snapshot.Address.Failures.Should().ContainSingle().Which.At.Should().Be(at);
    }

    [Fact]
    public async Task A_sign_in_that_succeeds_leaves_its_address_and_network_untouched()
    {
        var (store, keys, _) = redis.CreateBehaviorStore(Small);
        var signIn = Learners.From(Learners.SignIn("ana", Learners.Phone, Learners.Start), Learners.Lyon, "addr-ok");
        await store.RecordAsync(signIn, BehaviorStoreContract.DecisionFor(signIn), default);

        (await redis.Connection.GetDatabase().KeyExistsAsync([keys.AddressFailures("addr-ok"), keys.NetworkFailures(signIn.Keys.Network)])).Should().Be(0);
    }

    [Fact]
    public async Task Two_workers_spraying_one_address_each_see_exactly_what_Failures_Add_would_though_each_keeps_the_set_in_memory()
    {
        var (first, keys, _) = redis.CreateBehaviorStore(Busy);
        var second = SecondWorker(keys, Busy);
        var expected = SourceActivity.Empty;
        var random = new Random(3);
        for (var i = 0; i < 200; i++)
        {
            // Runs of three on one worker: its own writes keep its copy, the other's make it read the set again.
            var writer = i / 3 % 2 == 0 ? first : second;
            var at = Learners.Start.AddSeconds(20 * i).AddMinutes(random.Next(0, 12) == 0 ? -70 : 0);
            var failure = Learners.From(Learners.Event($"learner-{random.Next(0, 60)}", AuthEventType.LoginFailed, Learners.Phone, at, $"evt-{i:D3}"), Learners.Lyon, "spray-2");
            expected = Failures.Apply(expected, failure, Busy);
            await writer.RecordAsync(failure, BehaviorStoreContract.DecisionFor(failure), default);

            foreach (var reader in new[] { first, second })
            {
                (await reader.LoadAsync(failure, default)).Address.Failures.Should().Equal(expected.Failures, $"after event {i}, read by the {(reader == first ? "first" : "second")} worker");
            }
        }

        expected.Failures.Should().HaveCountGreaterThanOrEqualTo(RedisSourceFailures.KeptFrom, "the set is one a worker keeps");
    }

    [Fact]
    public async Task Two_workers_spraying_one_network_each_count_what_Failures_Add_would_within_its_lookback_though_each_keeps_it()
    {
        var (first, keys, _) = redis.CreateBehaviorStore(Busy);
        var second = SecondWorker(keys, Busy);
        var lookback = new SourceLookback(Address: TimeSpan.FromMinutes(10), Network: TimeSpan.FromMinutes(20));
        var expected = SourceActivity.Empty;
        var random = new Random(11);
        for (var i = 0; i < 200; i++)
        {
            // Runs of three on one worker, some events late by more than the lookback, so that a kept network no longer
            // covers what a batch needs; each from an address of its own on one network.
            var writer = i / 3 % 2 == 0 ? first : second;
            var at = Learners.Start.AddSeconds(20 * i).AddMinutes(random.Next(0, 12) == 0 ? -30 : 0);
            var failure = Learners.From(Learners.Event($"learner-{random.Next(0, 60)}", AuthEventType.LoginFailed, Learners.Phone, at, $"evt-{i:D3}"), Learners.Lyon, $"spray-net-{i}");
            expected = Failures.Apply(expected, failure, Busy);
            await writer.RecordAsync(failure, BehaviorStoreContract.DecisionFor(failure), default);

            var from = at - lookback.Network;
            foreach (var reader in new[] { first, second })
            {
                var network = (await reader.BeginAsync([failure], lookback, default)).Snapshot(failure).Network;
                network.Failures.TakeWhile(f => f.At >= from).Should().Equal(expected.Failures.TakeWhile(f => f.At >= from), $"after event {i}, read by the {(reader == first ? "first" : "second")} worker");
                network.DistinctLearnersSince(from).Should().Be(expected.DistinctLearnersSince(from));
            }
        }
    }

    [Fact]
    public async Task A_worker_reading_failures_another_wrote_at_the_same_instant_orders_them_as_Failures_Add_does()
    {
        var (first, keys, _) = redis.CreateBehaviorStore(Busy);
        var second = SecondWorker(keys, Busy);
        var expected = SourceActivity.Empty;
        foreach (var (id, seconds) in new[] { ("evt-c", 0), ("evt-a", 0), ("evt-d", 30), ("evt-b", 0), ("evt-f", 30), ("evt-e", 30) })
        {
            var failure = Learners.From(Learners.Event($"learner-{id}", AuthEventType.LoginFailed, Learners.Phone, Learners.Start.AddSeconds(seconds), id), Learners.Lyon, "spray-ties");
            expected = Failures.Apply(expected, failure, Busy);
            await first.RecordAsync(failure, BehaviorStoreContract.DecisionFor(failure), default);
        }

        var read = (await second.LoadAsync(Learners.From(Learners.FailedSignIn("ana", Learners.Phone, Learners.Start.AddMinutes(1)), Learners.Lyon, "spray-ties"), default)).Address;

        read.Failures.Select(f => f.EventId).Should().Equal(expected.Failures.Select(f => f.EventId));
    }

    [Fact]
    public async Task A_worker_whose_batch_read_an_address_before_another_wrote_it_counts_the_others_failure_next()
    {
        var (first, keys, _) = redis.CreateBehaviorStore(Busy);
        var second = SecondWorker(keys, Busy);
        await SprayAsync(first, "spray-5", 20);

        // Both batches read the address before either writes: the second worker's lands first.
        var mine = Learners.From(Learners.FailedSignIn("ana", Learners.Phone, Learners.Start.AddMinutes(1)), Learners.Lyon, "spray-5");
        var theirs = Learners.From(Learners.FailedSignIn("bruno", Learners.Phone, Learners.Start.AddMinutes(2)), Learners.Lyon, "spray-5");
        var myBatch = await first.BeginAsync([mine], SourceLookback.Everything, default);
        var theirBatch = await second.BeginAsync([theirs], SourceLookback.Everything, default);
        theirBatch.Record(theirs, BehaviorStoreContract.DecisionFor(theirs).Assessment());
        await second.CommitAsync(theirBatch, [new RecordedEvent(theirs, BehaviorStoreContract.DecisionFor(theirs))], default);
        myBatch.Record(mine, BehaviorStoreContract.DecisionFor(mine).Assessment());
        await first.CommitAsync(myBatch, [new RecordedEvent(mine, BehaviorStoreContract.DecisionFor(mine))], default);

        var seen = (await first.LoadAsync(mine, default)).Address.Failures;

        seen.Should().HaveCount(22).And.Contain(f => f.Key == theirs.Keys.Learner);
    }

    [Fact]
    public async Task Two_lanes_of_one_worker_that_read_an_address_before_either_wrote_keep_it_as_Redis_has_it()
    {
        var (store, keys, _) = redis.CreateBehaviorStore(Busy);
        var expected = SourceActivity.Empty;
        for (var round = 0; round < 10; round++)
        {
            // Each lane's batch holds a few failures; the later-read batch commits first, as lanes finish in any order.
            var lanes = Enumerable.Range(0, 2)
                .Select(lane => Enumerable.Range(0, 3)
                    .Select(i => Learners.From(Learners.FailedSignIn($"victim-{round}-{lane}-{i}", Learners.Phone, Learners.Start.AddSeconds((round * 10) + (lane * 3) + i)), Learners.Lyon, "spray-6"))
                    .ToList())
                .ToList();
            var batches = new List<BehaviorBatch>();
            foreach (var lane in lanes)
            {
                batches.Add(await store.BeginAsync(lane, SourceLookback.Everything, default));
            }

            foreach (var (lane, batch) in lanes.Zip(batches).Reverse())
            {
                foreach (var failure in lane)
                {
                    batch.Record(failure, BehaviorStoreContract.DecisionFor(failure).Assessment());
                    expected = Failures.Apply(expected, failure, Busy);
                }

                await store.CommitAsync(batch, [.. lane.Select(failure => new RecordedEvent(failure, BehaviorStoreContract.DecisionFor(failure)))], default);
            }

            var redisHas = (await SecondWorker(keys, Busy).LoadAsync(lanes[0][0], default)).Address.Failures;
            redisHas.Should().Equal(expected.Failures, $"in round {round}");
            (await store.LoadAsync(lanes[0][0], default)).Address.Failures.Should().Equal(redisHas, $"in round {round}");
        }

        expected.Failures.Should().HaveCountGreaterThanOrEqualTo(RedisSourceFailures.KeptFrom, "the set is one a worker keeps");
    }

    [Fact]
    public async Task A_learners_erasure_takes_their_failures_from_an_address_another_worker_keeps_in_memory()
    {
        var (first, keys, _) = redis.CreateBehaviorStore(Busy);
        var second = SecondWorker(keys, Busy);
        var failures = await SprayAsync(first, "spray-3", 30, i => i % 10 == 0 ? "ana" : $"victim-{i}");

        var ana = failures[0].Keys.Learner;
        (await second.LoadAsync(failures[^1], default)).Address.Failures.Should().Contain(f => f.Key == ana);
        var data = (ILearnerData)first;
        var subject = new DataSubject("ana", ana, "user-hash-ana");
        await data.ForgetAsync(subject, await data.MentionsAsync(subject, default), default);

        var after = (await second.LoadAsync(failures[^1], default)).Address.Failures;

        after.Should().HaveCount(27).And.NotContain(f => f.Key == ana);
    }

    [Fact]
    public async Task An_address_Redis_lost_reads_as_Redis_has_it_though_a_worker_kept_it()
    {
        var (store, keys, _) = redis.CreateBehaviorStore(Busy);
        var failures = await SprayAsync(store, "spray-4", 20);

        (await store.LoadAsync(failures[0], default)).Address.Failures.Should().HaveCount(20);
        var set = keys.AddressFailures(failures[0].Keys.Address);
        await redis.Connection.GetDatabase().KeyDeleteAsync([set, set.Append("v")]);

        (await store.LoadAsync(failures[0], default)).Address.Failures.Should().BeEmpty("a failover or an expiry took the set");
    }

    /// <summary>Records <paramref name="count"/> failed sign-ins from one address, a second apart, each at its own learner unless <paramref name="learner"/> says otherwise.</summary>
    private static async Task<List<EnrichedEvent>> SprayAsync(RedisBehaviorStore store, string address, int count, Func<int, string>? learner = null)
    {
        var failures = Enumerable.Range(0, count)
            .Select(i => Learners.From(Learners.FailedSignIn(learner?.Invoke(i) ?? $"victim-{i}", Learners.Phone, Learners.Start.AddSeconds(i)), Learners.Lyon, address))
            .ToList();
        foreach (var failure in failures)
        {
            await store.RecordAsync(failure, BehaviorStoreContract.DecisionFor(failure), default);
        }

        return failures;
    }

    private RedisBehaviorStore SecondWorker(RedisKeys keys, StateOptions options) => new(redis.Connection, keys, new StaticOptionsMonitor<StateOptions>(options));
}
