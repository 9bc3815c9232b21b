using LoginGuard.Privacy;
using LoginGuard.State;

namespace LoginGuard.Testing.State;

/// <summary>
/// What a store does once a learner is erased: their events from before the erasure that are still on their way
/// (in flight, late, redelivered) bring nothing back, while what they do afterwards is remembered as new.
/// </summary>
public abstract partial class BehaviorStoreContract
{
    private static readonly DateTimeOffset ErasedAt = Learners.Start.AddHours(1);

    [Fact]
    public async Task An_event_dated_before_its_learners_erasure_is_erased_and_one_dated_after_it_is_recorded_as_new()
    {
        var store = CreateStore(Options);
        await Record(store, Learners.SignIn("ana", Learners.Laptop, Learners.Start));
        await store.LayTombstoneAsync(new Tombstone("learner-ana", ErasedAt), default);

        var inFlight = Learners.SignIn("ana", Learners.Phone, ErasedAt.AddMinutes(-10));
        var after = Learners.SignIn("ana", Learners.Phone, ErasedAt.AddMinutes(10));
        var batch = await store.BeginAsync([inFlight, after], SourceLookback.Everything, default);

        batch.IsErased(inFlight).Should().BeTrue();
        batch.IsErased(after).Should().BeFalse();
        batch.Invoking(b => b.Record(inFlight, Assessed)).Should().Throw<InvalidOperationException>("an erased learner's event from before the erasure is never recorded");
        batch.Snapshot(after).Learner.Should().BeEquivalentTo(LearnerHistory.Empty, "the tombstone takes the learner's history with it at once");
        batch.Record(after, Assessed);
        (await store.CommitAsync(batch, [Recorded(after)], default)).WroteAll.Should().BeTrue();
        (await store.LoadAsync(Learners.SignIn("ana", Learners.Tablet, ErasedAt.AddHours(1)), default)).Learner.KnowsDevice(Learners.Phone.Id).Should().BeTrue();
    }

    [Fact]
    public async Task A_commit_keeps_nothing_of_an_event_whose_learner_was_erased_after_the_batch_was_read()
    {
        var store = CreateStore(Options);
        var failure = Learners.From(Learners.FailedSignIn("ana", Learners.Phone, Learners.Start), Learners.Lyon, "addr-erased");
        var signIn = Learners.SignIn("ana", Learners.Laptop, Learners.Start.AddMinutes(5));
        var after = Learners.SignIn("ana", Learners.Tablet, ErasedAt.AddMinutes(5));
        var batch = await store.BeginAsync([failure, signIn, after], SourceLookback.Everything, default);
        batch.Record(failure, Assessed);
        batch.Record(signIn, Assessed);
        batch.Record(after, Assessed);

        await store.LayTombstoneAsync(new Tombstone("learner-ana", ErasedAt), default);
        var committed = await store.CommitAsync(batch, [Recorded(failure), Recorded(signIn), Recorded(after)], default);

        committed.Erased.Should().BeEquivalentTo([failure.Event.EventId, signIn.Event.EventId]);
        committed.RecordedElsewhere.Should().BeEmpty();
        (await store.LoadAsync(signIn, default)).PreviousDecision.Should().BeNull("no decision is kept for it");
        var history = (await store.LoadAsync(Learners.SignIn("ana", Learners.Laptop, ErasedAt.AddHours(1)), default)).Learner;
        history.KnowsDevice(Learners.Laptop.Id).Should().BeFalse();
        history.Failures.Should().BeEmpty();
        history.KnowsDevice(Learners.Tablet.Id).Should().BeTrue("the sign-in after the erasure is the learner's own, new");
    }

    [Fact]
    public async Task A_later_erasure_moves_the_tombstone_forward_and_an_earlier_one_does_not_move_it_back()
    {
        var store = CreateStore(Options);
        await store.LayTombstoneAsync(new Tombstone("learner-ana", ErasedAt), default);
        await store.LayTombstoneAsync(new Tombstone("learner-ana", ErasedAt.AddHours(2)), default);
        await store.LayTombstoneAsync(new Tombstone("learner-ana", ErasedAt.AddHours(-2)), default);

        var batch = await store.BeginAsync(
            [Learners.SignIn("ana", Learners.Phone, ErasedAt.AddHours(1)), Learners.SignIn("ana", Learners.Phone, ErasedAt.AddHours(3))], SourceLookback.Everything, default);

        batch.IsErased(Learners.SignIn("ana", Learners.Phone, ErasedAt.AddHours(1))).Should().BeTrue();
        batch.IsErased(Learners.SignIn("ana", Learners.Phone, ErasedAt.AddHours(3))).Should().BeFalse();
    }

    [Fact]
    public async Task A_learners_tombstone_leaves_every_other_learner_be()
    {
        var store = CreateStore(Options);
        await Record(store, Learners.SignIn("bruno", Learners.Laptop, Learners.Start));
        await store.LayTombstoneAsync(new Tombstone("learner-ana", ErasedAt), default);

        var bruno = Learners.SignIn("bruno", Learners.Phone, Learners.Start.AddMinutes(30));
        var batch = await store.BeginAsync([bruno], SourceLookback.Everything, default);

        batch.IsErased(bruno).Should().BeFalse();
        batch.Snapshot(bruno).Learner.KnowsDevice(Learners.Laptop.Id).Should().BeTrue();
    }

    [Fact]
    public async Task A_decision_marked_published_after_its_learner_was_erased_brings_nothing_back()
    {
        var store = CreateStore(Options);
        var signIn = Learners.SignIn("ana", Learners.Laptop, Learners.Start);
        await Record(store, signIn);
        var learner = new DataSubject("ana", "learner-ana", "user-hash-ana");
        var data = (ILearnerData)store;
        await data.ForgetAsync(learner, await data.MentionsAsync(learner, default), default);

        await store.MarkPublishedAsync([new Publication(signIn.Keys.Learner, signIn.Event.EventId)], default);

        (await store.LoadAsync(signIn, default)).PreviousDecision.Should().BeNull();
        (await data.MentionsAsync(learner, default)).EventIds.Should().BeEmpty();
    }
}
