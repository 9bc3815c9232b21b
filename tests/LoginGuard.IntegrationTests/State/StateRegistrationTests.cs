using LoginGuard.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LoginGuard.IntegrationTests.State;

public sealed class StateRegistrationTests(RedisStateFixture redis) : IClassFixture<RedisStateFixture>
{
    [Fact]
    public async Task Keeps_state_in_Redis_when_a_Redis_configuration_is_set()
    {
        await using var provider = Provider(redis.Server.Configuration);

        provider.GetRequiredService<IBehaviorStore>().Should().BeOfType<RedisBehaviorStore>();
    }

    [Fact]
    public async Task Keeps_state_in_the_process_when_no_Redis_is_configured()
    {
        await using var provider = Provider(" ");

        provider.GetRequiredService<IBehaviorStore>().Should().BeOfType<InMemoryBehaviorStore>();
    }

    private static ServiceProvider Provider(string configuration) => new ServiceCollection()
        .AddState(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Redis:Configuration"] = configuration }).Build())
        .BuildServiceProvider();
}
