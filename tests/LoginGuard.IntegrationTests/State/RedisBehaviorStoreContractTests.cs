using LoginGuard.Testing.State;
using LoginGuard.State;

namespace LoginGuard.IntegrationTests.State;

public sealed class RedisBehaviorStoreContractTests(RedisStateFixture redis) : BehaviorStoreContract, IClassFixture<RedisStateFixture>
{
    internal override IBehaviorStore CreateStore(StateOptions options) => redis.Create(options).Store;
}
