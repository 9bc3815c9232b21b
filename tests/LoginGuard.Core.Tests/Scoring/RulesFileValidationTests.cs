using LoginGuard.Scoring;
using Microsoft.Extensions.Configuration;
using static LoginGuard.Core.Tests.Scoring.ScoringFixture;

namespace LoginGuard.Core.Tests.Scoring;

public sealed class RulesFileValidationTests
{
    private static readonly Dictionary<string, string?> SprayPerIp = Rule(
        "spray-per-ip", ("Kind", "DistinctLearnersFailing"), ("GroupBy", "Address"), ("Window", "00:10:00"), ("Threshold", "10"), ("Cooldown", "00:30:00"), ("Weight", "0.6"));

    [Fact]
    public void Accepts_the_default_rules_file()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "rules.json")).Build();

        var (options, errors) = ScoringConfiguration.Load(configuration, new LoginGuard.State.StateOptions());

        errors.Should().BeEmpty();
        options!.Rules.Should().ContainKey("new-device");
    }

    [Theory]
    [InlineData("Mode", "Simulate")]
    [InlineData("Mode", "simulate")]
    [InlineData("GroupBy", "network")]
    [InlineData("Window", "1.00:00:00")]
    [InlineData("Window", "1d")]
    [InlineData("Window", "1h30m")]
    [InlineData("Cooldown", "0s")]
    [InlineData("Threshold", "2")]
    [InlineData("Cooldown", "00:00:00")]
    [InlineData("Weight", "0")]
    [InlineData("Enabled", "false")]
    public void Accepts_a_rule_tuned_within_its_limits(string parameter, string value)
    {
        Errors(SprayPerIp, Rule("spray-per-ip", (parameter, value))).Should().BeEmpty();
    }

    [Theory]
    [InlineData("Threshold", "0", "Scoring:Rules:spray-per-ip: Threshold must be at least 2 (was 0).")]
    [InlineData("Threshold", "ten", "Scoring:Rules:spray-per-ip:Threshold: Threshold must be a whole number (was 'ten').")]
    [InlineData("Kind", "Spray", "Scoring:Rules:spray-per-ip: Kind 'Spray' is not known; use one of: FailedLogins, DistinctLearnersFailing, SuccessAfterFailures, NewDevice,")]
    [InlineData("Window", "2d", "Scoring:Rules:spray-per-ip: Window must not be longer than State:FailureMemory (1d) because older failures are forgotten (was 2d); shorten Window or raise State:FailureMemory.")]
    [InlineData("Window", "0s", "Window must be longer than zero (was 0s).")]
    [InlineData("Window", "10 minutes", "Scoring:Rules:spray-per-ip:Window: Window must be a duration such as \"10m\", \"12h\" or \"1d\" (also \"1h30m\", or \"00:10:00\") (was '10 minutes').")]
    [InlineData("Window", "10x", "Window must be a duration such as \"10m\"")]
    [InlineData("Weight", "1.5", "Scoring:Rules:spray-per-ip: Weight must be between 0 and 1 (was 1.5).")]
    [InlineData("Mode", "Enforced", "Scoring:Rules:spray-per-ip: Mode must be Enforce or Simulate (was 'Enforced').")]
    [InlineData("GroupBy", "Learner", "Scoring:Rules:spray-per-ip: GroupBy must be one of Address, Network for kind DistinctLearnersFailing (was 'Learner').")]
    [InlineData("Treshold", "10", "Scoring:Rules:spray-per-ip:Treshold: 'Treshold' is not a parameter; use one of: Kind, Enabled, Mode, Weight, Cooldown, GroupBy, Window, Threshold,")]
    [InlineData("Lookback", "30d", "Scoring:Rules:spray-per-ip: Lookback does not apply to kind DistinctLearnersFailing (was 30d); remove it (DistinctLearnersFailing takes GroupBy, Window, Threshold).")]
    [InlineData("Cooldown", "-00:01:00", "Cooldown must not be negative (was -1m); use 0s for no cooldown.")]
    public void Rejects_a_bad_value_naming_the_key_quoting_the_value_and_saying_how_to_fix_it(string parameter, string value, string expected)
    {
        Errors(SprayPerIp, Rule("spray-per-ip", (parameter, value))).Should().ContainSingle().Which.Should().Contain(expected);
    }

    [Theory]
    [InlineData("NewCountry", "Lookback", "365d", "Lookback must be longer than zero and at most State:HistoryLookback (180d)")]
    [InlineData("NewCountry", "MinimumHistory", "0", "MinimumHistory must be at least 1 (was 0)")]
    [InlineData("UnusualDistance", "RadiusKm", "0", "RadiusKm must be greater than 0 (was 0)")]
    [InlineData("ImpossibleTravel", "MinimumDistanceKm", "-1", "MinimumDistanceKm must not be negative (was -1)")]
    public void Rejects_novelty_and_geo_limits_the_state_or_the_planet_cannot_honour(string kind, string parameter, string value, string expected)
    {
        var required = kind switch
        {
            "UnusualDistance" => Rule("r", ("Kind", kind), ("Weight", "0.2")),
            "ImpossibleTravel" => Rule("r", ("Kind", kind), ("Weight", "0.2"), ("MaxSpeedKmh", "1000")),
            _ => Rule("r", ("Kind", kind), ("Weight", "0.2")),
        };
        var defaults = kind switch
        {
            "UnusualDistance" => Rule("r", ("RadiusKm", "500")),
            "ImpossibleTravel" => Rule("r", ("MinimumDistanceKm", "500")),
            _ => [],
        };

        Errors(required, defaults, Rule("r", (parameter, value))).Should().ContainSingle().Which.Should().Contain(expected);
    }

    [Fact]
    public void Rejects_a_rule_missing_what_its_kind_requires_listing_each_missing_parameter()
    {
        Errors(Rule("spray-per-ip", ("Kind", "DistinctLearnersFailing"))).Should().BeEquivalentTo(
            "Scoring:Rules:spray-per-ip: Weight is required: how much a hit adds to the risk, between 0 and 1.",
            "Scoring:Rules:spray-per-ip: GroupBy is required for kind DistinctLearnersFailing; see docs/rules.md.",
            "Scoring:Rules:spray-per-ip: Window is required for kind DistinctLearnersFailing; see docs/rules.md.",
            "Scoring:Rules:spray-per-ip: Threshold is required for kind DistinctLearnersFailing; see docs/rules.md.");
    }

    [Fact]
    public void Rejects_every_problem_in_the_file_at_once()
    {
        var errors = Errors(
            SprayPerIp,
            Rule("spray-per-ip", ("Threshold", "0"), ("Weight", "2")),
            Rule("Bad_Id", ("Kind", "NewDevice"), ("Weight", "0.1")),
            new Dictionary<string, string?>
            {
                ["Scoring:Levels:Low"] = "0.6",
                ["Scoring:Allowlist:office:Cidr"] = "10.0.0.300/8",
                ["Scoring:Rulez:x"] = "1",
            });

        errors.Should().HaveCount(7);
        errors.Should().Contain(e => e.StartsWith("Scoring:Rulez:", StringComparison.Ordinal))
            .And.Contain(e => e.StartsWith("Scoring:Levels:", StringComparison.Ordinal))
            .And.Contain(e => e.Contains("Cidr", StringComparison.Ordinal))
            .And.Contain(e => e.Contains("Reason is required", StringComparison.Ordinal))
            .And.Contain(e => e.Contains("rule id is lower-case", StringComparison.Ordinal));
    }

    [Fact]
    public void Rejects_a_rules_file_with_no_rules()
    {
        Errors(new Dictionary<string, string?> { ["Scoring:Levels:Low"] = "0.2" }).Should().ContainSingle().Which.Should().Contain("no rules are configured");
    }
}
