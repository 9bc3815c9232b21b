using LoginGuard.IntegrationTests.Infrastructure;
using LoginGuard.Testing.Hosting;

namespace LoginGuard.IntegrationTests.Privacy;

public sealed class RedisLearnerDataTests(RedisFixture redis) : LearnerDataContract, IClassFixture<RedisFixture>
{
    internal override WorkerSettings OnBackend(WorkerSettings settings) => settings.Redis(redis.Server.Configuration, RedisFixture.NewPrefix());
}
