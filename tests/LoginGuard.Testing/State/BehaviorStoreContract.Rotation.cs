using LoginGuard.Contracts;
using LoginGuard.State;

namespace LoginGuard.Testing.State;

/// <summary>
/// What a store does after <c>Privacy:HashKey</c> is rotated: a learner's devices and addresses are still known, their
/// history moves to the new key as they come back, and an erasure under either key keeps holding.
/// </summary>
public abstract partial class BehaviorStoreContract
{
    [Fact]
    public async Task After_a_rotation_a_learners_first_event_is_scored_against_their_history_under_the_previous_key()
    {
        var store = CreateStore(Options);
        await Record(store, Learners.SignIn("ana", Learners.Laptop, Learners.Start));
        await Record(store, Learners.SignIn("ana", Learners.Phone, Learners.Start.AddHours(1)));

        var phone = UnderNewKey(Learners.SignIn("ana", Learners.Phone, Learners.Start.AddDays(1)));
        var tablet = UnderNewKey(Learners.SignIn("ana", Learners.Tablet, Learners.Start.AddDays(1)));
        var batch = await store.BeginAsync([phone, tablet], SourceLookback.Everything, default);

        var history = batch.Snapshot(phone).Learner;
        history.KnowsDevice(phone.Device.Id).Should().BeTrue("her phone was known under the previous key");
        history.Agents.Should().Contain(a => a.Key == phone.Device.AgentKey);
        history.Addresses.Should().ContainSingle().Which.Key.Should().Be(phone.Keys.Address);
        history.SuccessfulLogins.Should().Be(2);
        batch.Snapshot(tablet).Learner.KnowsDevice(tablet.Device.Id).Should().BeFalse("a device she never used is new under any key");
    }

    [Fact]
    public async Task After_a_rotation_the_history_moves_to_the_new_key_and_what_was_not_seen_again_is_still_known()
    {
        var store = CreateStore(Options);
        await Record(store, Learners.SignIn("ana", Learners.Laptop, Learners.Start));
        await Record(store, Learners.SignIn("ana", Learners.Phone, Learners.Start.AddHours(1)));

        await Record(store, UnderNewKey(Learners.SignIn("ana", Learners.Phone, Learners.Start.AddDays(1))));

        (await store.LoadAsync(Learners.SignIn("ana", Learners.Laptop, Learners.Start.AddDays(2)), default)).Learner
            .Should().BeEquivalentTo(LearnerHistory.Empty, "nothing is left under the previous key once the history moved");
        var laptop = UnderNewKey(Learners.SignIn("ana", Learners.Laptop, Learners.Start.AddDays(2)));
        var history = (await store.LoadAsync(laptop, default)).Learner;
        history.KnowsDevice(laptop.Device.Id).Should().BeTrue("the laptop, not seen since the rotation, still matches its previous hash");
        history.Devices.Should().HaveCount(2);
        history.SuccessfulLogins.Should().Be(3);

        await Record(store, laptop);
        var stored = (await store.LoadAsync(laptop with { Event = laptop.Event with { EventId = "evt-later" }, Previous = null }, default)).Learner;
        stored.Devices.Select(d => d.Key).Should().BeEquivalentTo([laptop.Device.Id, "B-" + Learners.Phone.Id], "each device seen again is filed under its new hash");
        stored.Agents.Select(a => a.Key).Should().BeEquivalentTo([laptop.Device.AgentKey, "B-" + Learners.Phone.AgentKey]);
        stored.Addresses.Select(a => a.Key).Should().Equal(laptop.Keys.Address);
    }

    [Fact]
    public async Task After_a_rotation_a_redelivered_event_decided_under_the_previous_key_is_recognised()
    {
        var store = CreateStore(Options);
        var signIn = Learners.SignIn("ana", Learners.Laptop, Learners.Start);
        await Record(store, signIn);

        var redelivered = await store.LoadAsync(UnderNewKey(signIn), default);

        redelivered.PreviousDecision.Should().NotBeNull();
        redelivered.PreviousDecision!.EventId.Should().Be(signIn.Event.EventId);
    }

    [Fact]
    public async Task A_tombstone_laid_under_the_previous_key_still_covers_the_learner_after_a_rotation()
    {
        var store = CreateStore(Options);
        await Record(store, Learners.SignIn("ana", Learners.Laptop, Learners.Start));
        await store.LayTombstoneAsync(new Tombstone("learner-ana", ErasedAt), default);

        var inFlight = UnderNewKey(Learners.SignIn("ana", Learners.Laptop, ErasedAt.AddMinutes(-10)));
        var after = UnderNewKey(Learners.SignIn("ana", Learners.Laptop, ErasedAt.AddMinutes(10)));
        var batch = await store.BeginAsync([inFlight, after], SourceLookback.Everything, default);

        batch.IsErased(inFlight).Should().BeTrue();
        batch.IsErased(after).Should().BeFalse();
        batch.Snapshot(after).Learner.Should().BeEquivalentTo(LearnerHistory.Empty);
    }

    [Fact]
    public async Task A_learner_erased_after_a_rotation_gets_nothing_back_from_the_previous_key()
    {
        var store = CreateStore(Options);
        await Record(store, Learners.SignIn("ana", Learners.Laptop, Learners.Start));
        await store.LayTombstoneAsync(new Tombstone("B-learner-ana", ErasedAt), default);

        var after = UnderNewKey(Learners.SignIn("ana", Learners.Laptop, ErasedAt.AddMinutes(10)));

        (await store.LoadAsync(after, default)).Learner.Should().BeEquivalentTo(LearnerHistory.Empty, "the erasure under the new key is the learner's latest word");
    }

    /// <summary>The event as a worker whose hash key was rotated sees it: every keyed hash new (an ASN is no hash), the old ones carried as the previous key's.</summary>
    private static EnrichedEvent UnderNewKey(EnrichedEvent underPreviousKey) => underPreviousKey with
    {
        Device = underPreviousKey.Device with { Id = "B-" + underPreviousKey.Device.Id, AgentKey = "B-" + underPreviousKey.Device.AgentKey },
        Keys = new StateKeys("B-" + underPreviousKey.Keys.Learner, "B-" + underPreviousKey.Keys.Address, underPreviousKey.Keys.Network),
        Previous = [new PreviousKeys("A", underPreviousKey.Keys, underPreviousKey.Device.Id, underPreviousKey.Device.AgentKey)],
    };
}
