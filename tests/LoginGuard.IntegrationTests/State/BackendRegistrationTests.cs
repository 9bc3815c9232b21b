using LoginGuard.Activity;
using LoginGuard.Alerts.Outbox;
using LoginGuard.Feedback;
using LoginGuard.IntegrationTests.Infrastructure;
using LoginGuard.Pipeline;
using LoginGuard.Privacy;
using LoginGuard.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LoginGuard.IntegrationTests.State;

/// <summary>One setting decides where every store lives: none can end up in Redis while another stays in the process.</summary>
public sealed class BackendRegistrationTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    [Fact]
    public async Task Every_store_is_in_Redis_when_a_Redis_configuration_is_set()
    {
        await using var provider = Provider(redis.Server.Configuration);

        provider.GetRequiredService<IBehaviorStore>().Should().BeOfType<RedisBehaviorStore>();
        provider.GetRequiredService<IOutboxStore>().Should().BeOfType<RedisOutboxStore>();
        provider.GetRequiredService<IActivityLog>().Should().BeOfType<RedisActivityLog>();
        provider.GetServices<ILearnerData>().Select(store => store.GetType()).Should().Equal(
            [typeof(RedisBehaviorStore), typeof(RedisActivityLog), typeof(RedisOutboxStore), typeof(RedisFeedbackStore)], "export and erasure go over every store that keeps learner data");
        provider.GetService<RedisFeedbackStore>().Should().NotBeNull("answers are kept where the rest is");
        provider.GetRequiredService<IAlertOutbox>().Should().BeOfType<AlertOutbox>("the dispatcher sends queued mail in the background");
    }

    [Fact]
    public async Task Every_store_is_in_the_process_when_no_Redis_is_configured()
    {
        await using var provider = Provider(" ");

        provider.GetRequiredService<IBehaviorStore>().Should().BeOfType<InMemoryBehaviorStore>();
        provider.GetRequiredService<IOutboxStore>().Should().BeOfType<InMemoryOutboxStore>();
        provider.GetRequiredService<IActivityLog>().Should().BeOfType<InMemoryActivityLog>();
        provider.GetServices<ILearnerData>().Select(store => store.GetType()).Should().Equal(
            [typeof(InMemoryBehaviorStore), typeof(InMemoryActivityLog), typeof(InMemoryOutboxStore)], "export and erasure go over every store that keeps learner data");
        provider.GetService<RedisFeedbackStore>().Should().BeNull();
        provider.GetRequiredService<IAlertOutbox>().Should().NotBeOfType<AlertOutbox>("mail that dies with the process is sent as it is queued");
    }

    private static ServiceProvider Provider(string redis)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = redis,
            ["Smtp:From"] = "Learnwell Security <security@learnwell.example>",
            ["Smtp:PickupDirectory"] = Path.GetTempPath(),
        }).Build();
        return new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddLoginGuard(configuration).BuildServiceProvider();
    }
}
