using LoginGuard.IntegrationTests.Infrastructure;
using LoginGuard.State;
using LoginGuard.Testing.State;

namespace LoginGuard.IntegrationTests.State;

public sealed class RedisBehaviorStoreContractTests(RedisFixture redis) : BehaviorStoreContract, IClassFixture<RedisFixture>
{
    internal override IBehaviorStore CreateStore(StateOptions options) => redis.CreateBehaviorStore(options).Store;
}
