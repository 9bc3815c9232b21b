using LoginGuard.Contracts;
using LoginGuard.IntegrationTests.Api;
using LoginGuard.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace LoginGuard.IntegrationTests.State;

/// <summary>
/// Credential stuffing sends failures for usernames that do not exist. Only the source counts (the address's and
/// the network's failures) can use them, so nothing else may be kept: not a learner's state, not a decision per
/// event, not activity — or a flood of random usernames grows Redis without limit.
/// </summary>
public sealed class UnknownUserStateTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_stuffing_run_of_unknown_users_leaves_only_its_address_and_network_failures_in_redis_and_still_counts_as_a_spray()
    {
        var worker = fixture.Worker;
        var decisions = new List<Decision>();
        for (var i = 0; i < 12; i++)
        {
            var at = ApiWorker.At(TimeSpan.FromMinutes(30) - TimeSpan.FromSeconds(i * 10));
            decisions.Add(await worker.ProcessAsync(
                $$"""{"eventId":"evt-stuff-{{i}}","type":"login.failed","occurredAt":"{{at}}","userId":"nobody-{{i}}@stuffing.example","ip":"45.155.205.7","userAgent":"python-requests/2.31 {{new string('x', 2000)}}","failureReason":"unknown_user"}"""));
        }

        decisions[^1].Reasons.Should().Contain(r => r.Rule == "spray-per-ip", "twelve usernames failed from one address within ten minutes");
        var keys = (await RedisFixture.KeysAsync((ConnectionMultiplexer)worker.Services.GetRequiredService<IConnectionMultiplexer>(), worker.Prefix + "*")).Select(k => k.ToString()).ToList();
        keys.Should().NotContain(k => k.Contains("{u:", StringComparison.Ordinal), "an unknown user has no learner to remember: no state, decisions or activity");
        keys.Should().NotContain(k => k.Contains("{e:", StringComparison.Ordinal), "no decision is kept, so nothing needs finding by eventId");
        keys.Should().Contain(k => k.Contains("{ip:", StringComparison.Ordinal)).And.Contain(k => k.Contains("{net:", StringComparison.Ordinal));
    }
}
