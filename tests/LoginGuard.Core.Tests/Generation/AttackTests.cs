using System.Text.Json;

namespace LoginGuard.Core.Tests.Generation;

public sealed class AttackTests
{
    private static readonly List<(string Scenario, bool Attack, JsonElement Json)> Events =
        Samples.ParsedEvents(Samples.Standard).Select(e => (e.Line.Label!.Scenario, e.Line.Label.Attack, e.Json)).ToList();

    private static readonly string[] AttackScenarios =
    [
        "credential-stuffing", "brute-force", "phished-abroad", "same-country-takeover", "impossible-travel",
        "post-takeover-password-change", "post-takeover-mfa-disabled", "post-takeover-email-changed",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Every_attack_appears_whatever_the_seed_given_enough_learners_and_days(int seed)
    {
        var stream = Samples.Generate(Samples.Committed with { Seed = seed, BadLines = 0, Duplicates = 0 });
        var attacks = stream.Events.Where(e => e.Label!.Attack).Select(e => e.Label!.Scenario).ToHashSet();

        attacks.Should().BeEquivalentTo(AttackScenarios);
    }

    [Theory]
    [InlineData("typo")]
    [InlineData("travel")]
    [InlineData("new-phone")]
    [InlineData("cookie-reset")]
    [InlineData("private-window")]
    [InlineData("app-reinstall")]
    [InlineData("vpn")]
    [InlineData("browser-update")]
    [InlineData("isp-change")]
    [InlineData("password-change")]
    [InlineData("mfa-enabled")]
    [InlineData("account-recovery")]
    public void Each_harmless_change_appears_and_is_not_labelled_an_attack(string scenario)
    {
        Events.Should().Contain(e => e.Scenario == scenario);
        Events.Where(e => e.Scenario == scenario).Should().OnlyContain(e => !e.Attack);
    }

    [Fact]
    public void Credential_stuffing_tries_many_accounts_from_many_addresses_and_some_names_are_unknown()
    {
        var stuffing = Events.Where(e => e.Scenario == "credential-stuffing").ToList();

        stuffing.Select(e => Text(e.Json, "userId")).Distinct().Should().HaveCountGreaterThan(20);
        stuffing.Select(e => Text(e.Json, "ip")).Distinct().Should().HaveCountGreaterThan(8);
        stuffing.Should().Contain(e => Text(e.Json, "failureReason") == "unknown_user");
        stuffing.Should().Contain(e => Text(e.Json, "type") == "login.succeeded");
    }

    [Fact]
    public void Brute_force_hammers_one_learner_from_one_address_until_the_account_locks()
    {
        var brute = Events.Where(e => e.Scenario == "brute-force").ToList();

        brute.Should().HaveCountGreaterThan(20);
        brute.GroupBy(e => (Text(e.Json, "userId"), Text(e.Json, "ip"))).Should().ContainSingle();
        brute.Should().Contain(e => Text(e.Json, "failureReason") == "locked");
        brute.Should().OnlyContain(e => Text(e.Json, "type") == "login.failed");
    }

    [Fact]
    public void Aftermath_comes_from_the_attackers_address_and_device_within_minutes_of_getting_in()
    {
        var entries = new[] { "phished-abroad", "same-country-takeover", "impossible-travel", "credential-stuffing" };
        foreach (var step in Events.Where(e => e.Scenario.StartsWith("post-takeover-", StringComparison.Ordinal)))
        {
            var userId = Text(step.Json, "userId");
            var at = step.Json.GetProperty("occurredAt").GetDateTimeOffset();
            Events.Should().Contain(e =>
                entries.Contains(e.Scenario) && Text(e.Json, "type") == "login.succeeded" && Text(e.Json, "userId") == userId
                && Text(e.Json, "ip") == Text(step.Json, "ip") && Text(e.Json, "deviceId") == Text(step.Json, "deviceId")
                && e.Json.GetProperty("occurredAt").GetDateTimeOffset() <= at
                && at - e.Json.GetProperty("occurredAt").GetDateTimeOffset() < TimeSpan.FromMinutes(20));
        }
    }

    [Fact]
    public void A_same_country_takeover_copies_a_known_user_agent_but_not_its_device_cookie()
    {
        foreach (var takeover in Events.Where(e => e.Scenario == "same-country-takeover"))
        {
            var own = Events.Where(e => Text(e.Json, "userId") == Text(takeover.Json, "userId") && !e.Attack).ToList();

            own.Should().Contain(e => Text(e.Json, "userAgent") == Text(takeover.Json, "userAgent"));
            own.Should().NotContain(e => Text(e.Json, "deviceId") == Text(takeover.Json, "deviceId"));
        }
    }

    [Fact]
    public void A_private_window_signs_in_minutes_after_the_learner_from_the_same_address_and_browser_with_a_new_cookie()
    {
        var signIns = Events.Where(e => Text(e.Json, "type") == "login.succeeded").ToList();
        foreach (var window in signIns.Where(e => e.Scenario == "private-window"))
        {
            var at = window.Json.GetProperty("occurredAt").GetDateTimeOffset();
            var before = signIns.Last(e => Text(e.Json, "userId") == Text(window.Json, "userId") && Text(e.Json, "userAgent") == Text(window.Json, "userAgent")
                && e.Json.GetProperty("occurredAt").GetDateTimeOffset() < at);

            (at - before.Json.GetProperty("occurredAt").GetDateTimeOffset()).Should().BeLessThan(TimeSpan.FromMinutes(40));
            Text(before.Json, "ip").Should().Be(Text(window.Json, "ip"));
            Text(before.Json, "deviceId").Should().NotBe(Text(window.Json, "deviceId"));
        }
    }

    private static string? Text(JsonElement json, string property) =>
        json.TryGetProperty(property, out var value) ? value.GetString() : null;
}
