using LoginGuard.IntegrationTests.Infrastructure;
using StackExchange.Redis;

namespace LoginGuard.IntegrationTests.Feedback;

public sealed class RedisFeedbackStoreTests(RedisFixture redis) : FeedbackStoreContract, IClassFixture<RedisFixture>
{
    internal override IConnectionMultiplexer Redis => redis.Connection;
}
