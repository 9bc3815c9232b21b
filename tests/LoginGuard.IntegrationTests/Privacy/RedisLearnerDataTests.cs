using LoginGuard.IntegrationTests.Infrastructure;

namespace LoginGuard.IntegrationTests.Privacy;

public sealed class RedisLearnerDataTests(RedisFixture redis) : LearnerDataContract, IClassFixture<RedisFixture>
{
    internal override IReadOnlyDictionary<string, string?> Backend => new Dictionary<string, string?>
    {
        ["Redis:Configuration"] = redis.Server.Configuration,
        ["Redis:KeyPrefix"] = RedisFixture.NewPrefix(),
    };
}
