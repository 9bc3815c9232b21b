using LoginGuard.Contracts;
using LoginGuard.IntegrationTests.Infrastructure;
using LoginGuard.State;
using LoginGuard.Testing;
using LoginGuard.Testing.State;

namespace LoginGuard.IntegrationTests.State;

public sealed class RedisSourceFailuresTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private static readonly StateOptions Small = new() { MaxSourceFailures = 5, FailureMemory = TimeSpan.FromHours(1), AllowedLateness = TimeSpan.FromMinutes(5) };

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
}
