using LoginGuard.Contracts;
using LoginGuard.State;

namespace LoginGuard.Testing.State;

/// <summary>What every behavior store must do; each implementation runs this suite.</summary>
public abstract partial class BehaviorStoreContract
{
    internal static readonly StateOptions Options = new() { MaxDevices = 3, HistoryLookback = TimeSpan.FromDays(30) };

    internal abstract IBehaviorStore CreateStore(StateOptions options);

    [Fact]
    public async Task A_learner_never_seen_has_an_empty_history()
    {
        var snapshot = await CreateStore(Options).LoadAsync(Learners.SignIn("nobody", Learners.Laptop, Learners.Start), default);

        snapshot.Learner.Devices.Should().BeEmpty();
        snapshot.Learner.SuccessfulLogins.Should().Be(0);
        snapshot.PreviousDecision.Should().BeNull();
    }

    [Fact]
    public async Task Remembers_the_device_of_a_successful_sign_in()
    {
        var store = CreateStore(Options);
        await Record(store, Learners.SignIn("ana", Learners.Laptop, Learners.Start));

        var snapshot = await store.LoadAsync(Learners.SignIn("ana", Learners.Phone, Learners.Start.AddHours(1)), default);

        snapshot.Learner.KnowsDevice(Learners.Laptop.Id).Should().BeTrue();
        snapshot.Learner.KnowsDevice(Learners.Phone.Id).Should().BeFalse();
        snapshot.Learner.SuccessfulLogins.Should().Be(1);
        snapshot.Learner.LastSuccess!.At.Should().Be(Learners.Start);
    }

    [Fact]
    public async Task Remembers_the_browser_version_of_a_sign_in_unless_the_user_agent_named_none()
    {
        var store = CreateStore(Options);
        var blank = Learners.Laptop with { Id = "no-user-agent", AgentKey = "" };
        await Record(store, Learners.SignIn("ana", Learners.Laptop, Learners.Start));
        await Record(store, Learners.SignIn("ana", blank, Learners.Start.AddMinutes(5)));

        var snapshot = await store.LoadAsync(Learners.SignIn("ana", Learners.Phone, Learners.Start.AddHours(1)), default);

        snapshot.Learner.Agents.Select(a => a.Key).Should().Equal(Learners.Laptop.AgentKey);
        snapshot.Learner.Agents[0].LastSeen.Should().Be(Learners.Start);
    }

    [Fact]
    public async Task A_failed_sign_in_does_not_make_a_device_known()
    {
        var store = CreateStore(Options);
        await Record(store, Learners.FailedSignIn("ana", Learners.Phone, Learners.Start));

        var snapshot = await store.LoadAsync(Learners.SignIn("ana", Learners.Phone, Learners.Start.AddMinutes(1)), default);

        snapshot.Learner.Devices.Should().BeEmpty();
    }

    [Fact]
    public async Task Records_an_event_once_and_recognises_its_redelivery()
    {
        var store = CreateStore(Options);
        var signIn = Learners.SignIn("ana", Learners.Laptop, Learners.Start);
        var decision = DecisionFor(signIn);

        (await store.RecordAsync(signIn, decision, default)).Should().BeTrue();
        (await store.RecordAsync(signIn, decision, default)).Should().BeFalse();

        var again = await store.LoadAsync(signIn, default);
        again.PreviousDecision.Should().BeEquivalentTo(decision);
        again.Learner.SuccessfulLogins.Should().Be(1, "a redelivery changes no state");
    }

    [Fact]
    public async Task A_recorded_decision_is_a_duplicate_only_once_its_publication_was_recorded()
    {
        var store = CreateStore(Options);
        var signIn = Learners.SignIn("ana", Learners.Laptop, Learners.Start);
        await store.RecordAsync(signIn, DecisionFor(signIn), default);

        var beforePublishing = await store.LoadAsync(signIn, default);
        await store.MarkPublishedAsync([new Publication(signIn.Keys.Learner, signIn.Event.EventId)], default);
        await store.MarkPublishedAsync([new Publication(signIn.Keys.Learner, signIn.Event.EventId)], default);
        var afterPublishing = await store.LoadAsync(signIn, default);

        beforePublishing.PreviousDecision!.Duplicate.Should().BeFalse();
        afterPublishing.PreviousDecision!.Duplicate.Should().BeTrue();
    }

    [Fact]
    public async Task A_parked_decision_is_known_as_parked_and_still_goes_out_as_the_first_copy_until_it_is_published()
    {
        var store = CreateStore(Options);
        var signIn = Learners.SignIn("ana", Learners.Laptop, Learners.Start);
        var publication = new Publication(signIn.Keys.Learner, signIn.Event.EventId);
        await store.RecordAsync(signIn, DecisionFor(signIn), default);

        await store.MarkParkedAsync([publication], default);
        await store.MarkParkedAsync([publication], default);
        var parked = await store.BeginAsync([signIn], SourceLookback.Everything, default);
        await store.MarkPublishedAsync([publication], default);
        await store.MarkParkedAsync([publication], default);
        var published = await store.BeginAsync([signIn], SourceLookback.Everything, default);

        parked.WasParked(signIn).Should().BeTrue();
        parked.Snapshot(signIn).PreviousDecision!.Duplicate.Should().BeFalse("a parked decision never reached its consumers");
        published.WasParked(signIn).Should().BeFalse("a published mark stands over a parked one");
        published.Snapshot(signIn).PreviousDecision!.Duplicate.Should().BeTrue();
    }

    [Fact]
    public async Task Forgets_a_device_unused_for_longer_than_the_lookback()
    {
        var store = CreateStore(Options);
        await Record(store, Learners.SignIn("ana", Learners.Laptop, Learners.Start));

        var soon = await store.LoadAsync(Learners.SignIn("ana", Learners.Laptop, Learners.Start.AddDays(29)), default);
        var later = await store.LoadAsync(Learners.SignIn("ana", Learners.Laptop, Learners.Start.AddDays(31)), default);

        soon.Learner.KnowsDevice(Learners.Laptop.Id).Should().BeTrue();
        later.Learner.KnowsDevice(Learners.Laptop.Id).Should().BeFalse();
    }

    [Fact]
    public async Task Keeps_only_the_most_recently_used_devices()
    {
        var store = CreateStore(Options);
        var devices = Enumerable.Range(0, 5).Select(i => Learners.Device($"d{i}", "Chrome", "Windows", DeviceType.Desktop, "Chrome")).ToList();
        for (var i = 0; i < devices.Count; i++)
        {
            await Record(store, Learners.SignIn("ana", devices[i], Learners.Start.AddHours(i)));
        }

        var snapshot = await store.LoadAsync(Learners.SignIn("ana", devices[0], Learners.Start.AddDays(1)), default);

        snapshot.Learner.Devices.Select(d => d.Key).Should().BeEquivalentTo(["d4", "d3", "d2"]);
    }

    [Fact]
    public async Task Tolerates_an_event_that_arrives_after_a_later_one()
    {
        var store = CreateStore(Options);
        await Record(store, Learners.SignIn("ana", Learners.Laptop, Learners.Start.AddHours(2)));
        await Record(store, Learners.SignIn("ana", Learners.Laptop, Learners.Start));

        var snapshot = await store.LoadAsync(Learners.SignIn("ana", Learners.Laptop, Learners.Start.AddHours(3)), default);

        snapshot.Learner.Devices.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new KnownValue(Learners.Laptop.Id, Learners.Start, Learners.Start.AddHours(2), 2));
        snapshot.Learner.LastSuccess!.At.Should().Be(Learners.Start.AddHours(2));
    }

    [Fact]
    public async Task Learners_never_share_history()
    {
        var store = CreateStore(Options);
        await Record(store, Learners.SignIn("ana", Learners.Laptop, Learners.Start));

        var snapshot = await store.LoadAsync(Learners.SignIn("bruno", Learners.Laptop, Learners.Start.AddHours(1)), default);

        snapshot.Learner.Devices.Should().BeEmpty();
    }

    [Fact]
    public async Task Concurrent_learners_each_keep_every_one_of_their_sign_ins()
    {
        var store = CreateStore(Options);
        await Parallel.ForEachAsync(Enumerable.Range(0, 200), async (i, ct) =>
        {
            for (var n = 0; n < 5; n++)
            {
                var signIn = Learners.SignIn($"learner-{i}", Learners.Laptop, Learners.Start.AddMinutes(n));
                await store.RecordAsync(signIn, DecisionFor(signIn), ct);
            }
        });

        for (var i = 0; i < 200; i++)
        {
            var snapshot = await store.LoadAsync(Learners.SignIn($"learner-{i}", Learners.Laptop, Learners.Start.AddHours(1)), default);
            snapshot.Learner.SuccessfulLogins.Should().Be(5);
        }
    }

    private static async Task Record(IBehaviorStore store, EnrichedEvent enriched) =>
        (await store.RecordAsync(enriched, DecisionFor(enriched), default)).Should().BeTrue();

    internal static Decision DecisionFor(EnrichedEvent enriched) => Decision.For(enriched.Event, Assessed, [AlertKind.NewDevice]);

    internal static RecordedEvent Recorded(EnrichedEvent enriched) => new(enriched, DecisionFor(enriched));

    internal static readonly RiskAssessment Assessed = new(0.35, RiskLevel.Low, [new RiskReason("new-device", 1, "first sign-in from Chrome")], "rs-test");
}
