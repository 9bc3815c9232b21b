using LoginGuard.State;
using LoginGuard.Testing;
using LoginGuard.Testing.State;

namespace LoginGuard.Core.Tests.State;

public sealed class InMemoryBehaviorStoreTests : BehaviorStoreContract
{
    internal override IBehaviorStore CreateStore(StateOptions options) =>
        new InMemoryBehaviorStore(new StaticOptionsMonitor<StateOptions>(options));
}
