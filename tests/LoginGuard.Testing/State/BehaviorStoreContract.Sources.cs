using LoginGuard.Contracts;
using LoginGuard.State;

namespace LoginGuard.Testing.State;

public abstract partial class BehaviorStoreContract
{
    [Fact]
    public async Task Remembers_where_a_learner_signs_in_from_by_codes_ids_and_hashes()
    {
        var store = CreateStore(Options);
        await Record(store, Learners.From(Learners.SignIn("ana", Learners.Laptop, Learners.Start), Learners.Lyon, "addr-1"));

        var history = (await store.LoadAsync(Learners.SignIn("ana", Learners.Laptop, Learners.Start.AddHours(1)), default)).Learner;

        history.Addresses.Should().ContainSingle(a => a.Key == "addr-1");
        history.Networks.Should().ContainSingle(n => n.Key == "as12322");
        history.Countries.Should().ContainSingle(c => c.Key == "FR");
        history.Places.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new KnownPlace("2996944", 45.7485, 4.8467, 20, "FR", Learners.Start, Learners.Start, 1));
        history.LastSuccess.Should().Be(new LastSignIn(Learners.Start, 45.7485, 4.8467, 20, "FR"));
    }

    [Fact]
    public async Task Counts_failed_sign_ins_against_the_learner_the_address_and_the_network_once_each()
    {
        var store = CreateStore(Options);
        var failure = Learners.From(Learners.FailedSignIn("ana", Learners.Phone, Learners.Start), Learners.Lyon, "addr-9");
        await Record(store, failure);
        (await store.RecordAsync(failure, DecisionFor(failure), default)).Should().BeFalse();

        var snapshot = await store.LoadAsync(Learners.From(Learners.SignIn("bruno", Learners.Phone, Learners.Start.AddMinutes(1)), Learners.Lyon, "addr-9"), default);
        var own = await store.LoadAsync(Learners.SignIn("ana", Learners.Phone, Learners.Start.AddMinutes(1)), default);

        snapshot.Address.Failures.Should().ContainSingle().Which.Should().Be(new FailedAttempt(Learners.Start, "learner-ana", failure.Event.EventId));
        snapshot.Network.Failures.Should().ContainSingle();
        own.Learner.Failures.Should().ContainSingle().Which.Key.Should().Be("addr-9");
    }

    [Fact]
    public async Task Counts_a_failure_for_an_unknown_user_against_its_address_and_network_only_and_once()
    {
        var store = CreateStore(Options);
        var failure = Learners.From(Learners.FailedSignIn("nobody", Learners.Phone, Learners.Start), Learners.Lyon, "addr-7");
        failure = failure with { Event = failure.Event with { FailureReason = FailureReason.UnknownUser } };
        await Record(store, failure);
        await store.RecordAsync(failure, DecisionFor(failure), default);

        var again = await store.LoadAsync(failure, default);

        again.Learner.Failures.Should().BeEmpty("there is no learner to remember");
        again.Learner.RuleFirings.Should().BeEmpty();
        again.PreviousDecision.Should().BeNull("no decision is kept per attempt of a flood");
        again.Address.Failures.Should().ContainSingle().Which.EventId.Should().Be(failure.Event.EventId);
        again.Network.Failures.Should().ContainSingle();
    }

    [Fact]
    public async Task Sees_one_address_failing_against_many_learners()
    {
        var store = CreateStore(Options);
        for (var i = 0; i < 12; i++)
        {
            await Record(store, Learners.From(Learners.FailedSignIn($"victim-{i}", Learners.Phone, Learners.Start.AddSeconds(i)), Learners.Lyon, "botnet-1"));
        }

        var snapshot = await store.LoadAsync(Learners.From(Learners.FailedSignIn("victim-x", Learners.Phone, Learners.Start.AddMinutes(1)), Learners.Lyon, "botnet-1"), default);

        snapshot.Address.DistinctLearnersSince(Learners.Start).Should().Be(12);
        snapshot.Address.FailuresSince(Learners.Start.AddSeconds(6)).Should().Be(6);
    }

    [Fact]
    public async Task Forgets_failures_older_than_the_failure_memory()
    {
        var store = CreateStore(Options);
        await Record(store, Learners.FailedSignIn("ana", Learners.Phone, Learners.Start));
        await Record(store, Learners.FailedSignIn("ana", Learners.Phone, Learners.Start + Options.FailureMemory + Options.AllowedLateness + TimeSpan.FromMinutes(1)));

        var snapshot = await store.LoadAsync(Learners.SignIn("ana", Learners.Phone, Learners.Start.AddDays(2)), default);

        snapshot.Learner.Failures.Should().ContainSingle();
        snapshot.Address.Failures.Should().ContainSingle();
    }

    [Fact]
    public async Task Remembers_when_each_rule_last_fired_and_the_last_risky_sign_in()
    {
        var store = CreateStore(Options);
        var signIn = Learners.SignIn("ana", Learners.Phone, Learners.Start);
        var risky = Decision.For(signIn.Event, new RiskAssessment(0.6, RiskLevel.Medium, [new RiskReason("new-country", 1, "BR")], "rs-test"), []);
        (await store.RecordAsync(signIn, risky, default)).Should().BeTrue();

        var history = (await store.LoadAsync(Learners.SignIn("ana", Learners.Phone, Learners.Start.AddMinutes(5)), default)).Learner;

        history.LastRiskyLoginAt.Should().Be(Learners.Start);
        history.RuleFirings.Should().Contain("new-country", Learners.Start);
    }
}
