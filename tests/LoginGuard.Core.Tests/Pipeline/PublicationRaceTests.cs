using LoginGuard.Pipeline;
using LoginGuard.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LoginGuard.Core.Tests.Pipeline;

/// <summary>A redelivery decided while the first copy's publication is being recorded.</summary>
public sealed class PublicationRaceTests : IDisposable
{
    private const string NewDevice = """{"eventId":"e2","type":"login.succeeded","occurredAt":"2026-10-02T08:00:00Z","userId":"ana","ip":"81.57.10.20","userAgent":"Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1","deviceId":"phone","email":"ana@example.com"}""";

    private readonly PipelineHarness harness = new(replace: services => services.AddSingleton<IBehaviorStore>(provider => new StoreActingWhileRead(
        new InMemoryBehaviorStore(provider.GetRequiredService<IOptionsMonitor<StateOptions>>()))));

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task A_redelivery_read_just_before_the_first_copy_is_recorded_as_published_is_still_a_duplicate()
    {
        var first = (await harness.SendAsync(NewDevice)).Should().BeOfType<Decided>().Subject;
        var inFlight = harness.Services.GetRequiredService<PublicationsInFlight>();
        inFlight.Add(first.Publication!);

        // What the Kafka adapter does on the first copy's delivery report, landing between the store's read and the pipeline's check.
        var store = (StoreActingWhileRead)harness.Services.GetRequiredService<IBehaviorStore>();
        store.DuringNextRead = async cancellationToken =>
        {
            await store.MarkPublishedAsync([first.Publication!], cancellationToken);
            inFlight.Remove(first.Publication!);
        };

        var redelivered = (await harness.SendAsync(NewDevice)).Should().BeOfType<Decided>().Subject;

        redelivered.Decision.Duplicate.Should().BeTrue("the first copy was on its way when the store was read, and recorded before the check");
        redelivered.Publication.Should().BeNull();
    }
}
