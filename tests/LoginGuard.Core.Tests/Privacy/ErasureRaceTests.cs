using LoginGuard.Activity;
using LoginGuard.Core.Tests.Pipeline;
using LoginGuard.Enrichment;
using LoginGuard.LearnerRecords;
using LoginGuard.Pipeline;
using LoginGuard.State;
using LoginGuard.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LoginGuard.Core.Tests.Privacy;

/// <summary>A learner erased through the API while a batch with one of their events is being decided.</summary>
public sealed class ErasureRaceTests : IDisposable
{
    // The store the erasure forgets from is the one the race plays on.
    private readonly PipelineHarness harness = new(replace: services => services.AddSingleton<IBehaviorStore>(provider => new StoreActingWhileRead(
        provider.GetRequiredService<InMemoryBehaviorStore>())));

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task A_learner_erased_while_their_sign_in_is_being_decided_gets_it_published_as_erased_and_keeps_nothing_of_it()
    {
        await harness.DecideAsync(Event("zoe-1", hoursAgo: 3));
        // The erasure endpoint, called between the store's read of the batch and its commit.
        ((StoreActingWhileRead)harness.Services.GetRequiredService<IBehaviorStore>()).DuringNextRead =
            cancellationToken => harness.Services.GetRequiredService<LearnerEraser>().EraseAsync("zoe", cancellationToken);

        var decided = (await harness.SendAsync(Event("zoe-2", hoursAgo: 2))).Should().BeOfType<Decided>().Subject;

        decided.Decision.Reasons.Should().ContainSingle().Which.Rule.Should().Be(ErasedLearners.RuleId);
        decided.Publication.Should().BeNull();
        var learner = harness.Services.GetRequiredService<StateKeyMaker>().Learner("zoe");
        (await harness.Services.GetRequiredService<IActivityLog>().ReadAsync(learner, default)).Should().BeEmpty("the activity it wrote went with a second erasure");
        var export = await harness.Services.GetRequiredService<LearnerExporter>().ExportAsync("zoe", default);
        export["history"].Should().BeNull();
        export["decisions"]!.AsArray().Should().BeEmpty();
        export["activity"]!.AsArray().Should().BeEmpty();
    }

    private static string Event(string id, int hoursAgo) =>
        AuthEvents.Of(id, "login.succeeded", AuthEvents.HoursAgo(hoursAgo), "zoe", "Mozilla/5.0", displayName: null);
}
