using LoginGuard.Alerts.Outbox;
using Microsoft.Extensions.Options;

namespace LoginGuard.IntegrationTests.Alerts;

public sealed class InMemoryOutboxStoreTests : OutboxStoreContract
{
    internal override IOutboxStore CreateStore() => new InMemoryOutboxStore(Options.Create(OutboxOptions), Options.Create(Throttle), Options.Create(Suspicion), Clock);
}
