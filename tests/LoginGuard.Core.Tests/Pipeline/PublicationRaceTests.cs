using LoginGuard.Contracts;
using LoginGuard.Pipeline;
using LoginGuard.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LoginGuard.Core.Tests.Pipeline;

/// <summary>A redelivery decided while the first copy's publication is being recorded.</summary>
public sealed class PublicationRaceTests : IDisposable
{
    private const string NewDevice = """{"eventId":"e2","type":"login.succeeded","occurredAt":"2026-10-02T08:00:00Z","userId":"ana","ip":"81.57.10.20","userAgent":"Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1","deviceId":"phone","email":"ana@example.com"}""";

    private readonly PipelineHarness harness = new(replace: services => services.AddSingleton<IBehaviorStore>(provider => new RecordingWhileRead(
        new InMemoryBehaviorStore(provider.GetRequiredService<IOptionsMonitor<StateOptions>>()), provider.GetRequiredService<PublicationsInFlight>())));

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task A_redelivery_read_just_before_the_first_copy_is_recorded_as_published_is_still_a_duplicate()
    {
        var first = (await harness.SendAsync(NewDevice)).Should().BeOfType<Decided>().Subject;
        harness.Services.GetRequiredService<PublicationsInFlight>().Add(first.Publication!);
        ((RecordingWhileRead)harness.Services.GetRequiredService<IBehaviorStore>()).RecordDuringNextRead = first.Publication;

        var redelivered = (await harness.SendAsync(NewDevice)).Should().BeOfType<Decided>().Subject;

        redelivered.Decision.Duplicate.Should().BeTrue("the first copy was on its way when the store was read, and recorded before the check");
        redelivered.Publication.Should().BeNull();
    }

    /// <summary>What the Kafka adapter does on the first copy's delivery report, landing between the store's read and the pipeline's check.</summary>
    private sealed class RecordingWhileRead(IBehaviorStore inner, PublicationsInFlight inFlight) : IBehaviorStore
    {
        public Publication? RecordDuringNextRead { get; set; }

        public async ValueTask<BehaviorBatch> BeginAsync(IReadOnlyList<EnrichedEvent> events, SourceLookback lookback, CancellationToken cancellationToken)
        {
            var batch = await inner.BeginAsync(events, lookback, cancellationToken);
            if (RecordDuringNextRead is { } publication)
            {
                RecordDuringNextRead = null;
                await inner.MarkPublishedAsync([publication], cancellationToken);
                inFlight.Remove(publication);
            }

            return batch;
        }

        public ValueTask<Committed> CommitAsync(BehaviorBatch batch, IReadOnlyList<RecordedEvent> records, CancellationToken cancellationToken) =>
            inner.CommitAsync(batch, records, cancellationToken);

        public ValueTask LayTombstoneAsync(Tombstone tombstone, CancellationToken cancellationToken) => inner.LayTombstoneAsync(tombstone, cancellationToken);

        public ValueTask MarkPublishedAsync(IReadOnlyList<Publication> publications, CancellationToken cancellationToken) =>
            inner.MarkPublishedAsync(publications, cancellationToken);
    }
}
