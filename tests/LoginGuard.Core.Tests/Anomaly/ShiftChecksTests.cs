using LoginGuard.Scoring;
using LoginGuard.Tools.Evaluation;

namespace LoginGuard.Core.Tests.Anomaly;

/// <summary>The evaluation report's check of issue 15's targets, one stream at a time.</summary>
public sealed class ShiftChecksTests
{
    [Fact]
    public void The_missed_lookalikes_that_were_an_accounts_first_sign_in_are_counted_beside_the_share()
    {
        List<EvaluatedEvent> events =
        [
            Lookalike(combined: 0.55, firstSignIn: false),
            Lookalike(combined: 0.3, firstSignIn: false),
            Lookalike(combined: 0.0001, firstSignIn: true),
        ];

        var check = ShiftChecks.Checks(events, [], [], new LevelThresholds()).Should().ContainSingle(c => c.Check.StartsWith("same-country lookalikes")).Subject;

        check.Combined.Should().Be("0.333 (1 of the 2 missed an account's first sign-in)");
        check.Holds.Should().BeFalse();
    }

    private static EvaluatedEvent Lookalike(double combined, bool firstSignIn) => new(
        "shift/events.jsonl", Guid.NewGuid().ToString(), "successful-login", Attack: true, "same-country-takeover",
        Enum.GetValues<Scorer>().ToDictionary(s => s, s => s == Scorer.Combined ? combined : 0), FirstSignIn: firstSignIn);
}
