using LoginGuard.Contracts;
using LoginGuard.IntegrationTests.Infrastructure;
using LoginGuard.State;
using LoginGuard.Testing;
using LoginGuard.Testing.State;

namespace LoginGuard.IntegrationTests.State;

public sealed class RedisConcurrencyTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private static readonly StateOptions Options = new() { MaxDevices = 100 };

    [Fact]
    public async Task One_learner_written_from_two_workers_at_once_keeps_every_sign_in()
    {
        var store = redis.CreateBehaviorStore(Options).Store;
        var devices = Enumerable.Range(0, 60).Select(i => Learners.Device($"d{i:D2}", "Chrome", "Windows", DeviceType.Desktop, "Chrome")).ToList();

        await Task.WhenAll(Enumerable.Range(0, 2).Select(worker => Task.Run(async () =>
        {
            for (var i = worker; i < devices.Count; i += 2)
            {
                var signIn = Learners.SignIn("ana", devices[i], Learners.Start.AddMinutes(i));
                (await store.RecordAsync(signIn, BehaviorStoreContract.DecisionFor(signIn), default)).Should().BeTrue();
            }
        })));

        var history = (await store.LoadAsync(Learners.SignIn("ana", devices[0], Learners.Start.AddHours(2)), default)).Learner;
        history.SuccessfulLogins.Should().Be(60);
        history.Devices.Select(d => d.Key).Should().BeEquivalentTo(devices.Select(d => d.Id));
    }

    [Fact]
    public async Task An_event_delivered_to_two_workers_at_once_is_recorded_by_exactly_one()
    {
        var store = redis.CreateBehaviorStore(Options).Store;
        var outcomes = new List<bool>();
        for (var i = 0; i < 50; i++)
        {
            var signIn = Learners.SignIn("bruno", Learners.Laptop, Learners.Start.AddMinutes(i));
            var decision = BehaviorStoreContract.DecisionFor(signIn);
            var both = await Task.WhenAll(Task.Run(() => store.RecordAsync(signIn, decision, default).AsTask()), Task.Run(() => store.RecordAsync(signIn, decision, default).AsTask()));
            both.Should().ContainSingle(recorded => recorded);
        }

        var history = (await store.LoadAsync(Learners.SignIn("bruno", Learners.Laptop, Learners.Start.AddHours(2)), default)).Learner;
        history.SuccessfulLogins.Should().Be(50);
    }

    [Fact]
    public async Task Many_learners_in_parallel_each_keep_all_of_their_history()
    {
        var store = redis.CreateBehaviorStore(Options).Store;
        await Parallel.ForEachAsync(Enumerable.Range(0, 500), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
        {
            for (var n = 0; n < 4; n++)
            {
                var enriched = n == 3
                    ? Learners.From(Learners.FailedSignIn($"many-{i}", Learners.Phone, Learners.Start.AddMinutes(n)), Learners.Lyon, "shared-address")
                    : Learners.SignIn($"many-{i}", Learners.Device($"dev-{n}", "Firefox", "Linux", DeviceType.Desktop, "Firefox"), Learners.Start.AddMinutes(n));
                (await store.RecordAsync(enriched, BehaviorStoreContract.DecisionFor(enriched), ct)).Should().BeTrue();
            }
        });

        for (var i = 0; i < 500; i++)
        {
            var snapshot = await store.LoadAsync(Learners.From(Learners.SignIn($"many-{i}", Learners.Phone, Learners.Start.AddHours(1)), Learners.Lyon, "shared-address"), default);
            snapshot.Learner.SuccessfulLogins.Should().Be(3);
            snapshot.Learner.Devices.Should().HaveCount(3);
            snapshot.Learner.Failures.Should().ContainSingle();
            snapshot.Address.Failures.Should().HaveCount(500);
        }
    }
}
