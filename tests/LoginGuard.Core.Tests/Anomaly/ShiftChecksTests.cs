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

    [Fact]
    public void A_sign_in_shortfall_of_first_sign_ins_says_how_many_legitimate_sign_ins_were_first_sign_ins_too()
    {
        List<EvaluatedEvent> events =
        [
            .. Enumerable.Range(1, 200).Select(i => SignIn(attack: false, combined: i / 1000.0, firstSignIn: i % 50 == 0)),
            SignIn(attack: true, combined: 0.9, firstSignIn: false),
            SignIn(attack: true, combined: 0.00001, firstSignIn: true),
        ];
        var levels = new LevelThresholds();

        var check = ShiftChecks.Checks(events, EvaluationSummary.Metrics(events, levels), [], levels).Should().ContainSingle(c => c.Check.StartsWith("sign-ins: TPR")).Subject;

        check.Combined.Should().Be("0.500 (1 of the 1 missed an account's first sign-in; 4 of the 200 legitimate sign-ins were one, 2.00%)");
    }

    private static EvaluatedEvent SignIn(bool attack, double combined, bool firstSignIn) => new(
        "shift/events.jsonl", Guid.NewGuid().ToString(), "successful-login", attack, attack ? "same-country-takeover" : "normal",
        Enum.GetValues<Scorer>().ToDictionary(s => s, s => s == Scorer.Combined ? combined : 0), FirstSignIn: firstSignIn);

    private static EvaluatedEvent Lookalike(double combined, bool firstSignIn) => new(
        "shift/events.jsonl", Guid.NewGuid().ToString(), "successful-login", Attack: true, "same-country-takeover",
        Enum.GetValues<Scorer>().ToDictionary(s => s, s => s == Scorer.Combined ? combined : 0), FirstSignIn: firstSignIn);
}
