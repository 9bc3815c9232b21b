using LoginGuard.Tools.Evaluation;

namespace LoginGuard.Core.Tests.Anomaly;

public sealed class RocMetricsTests
{
    [Fact]
    public void Attacks_that_all_outscore_every_legitimate_event_give_an_auc_of_one()
    {
        RocMetrics.Auc(Scores(attacks: [0.9, 0.8], legitimate: [0.1, 0.2])).Should().Be(1);
    }

    [Fact]
    public void The_auc_is_the_share_of_attack_and_legitimate_pairs_ordered_correctly()
    {
        // 0.8 beats all four legitimate scores, 0.4 beats two: 6 of 8 pairs.
        RocMetrics.Auc(Scores(attacks: [0.8, 0.4], legitimate: [0.6, 0.2, 0.1, 0.5])).Should().Be(0.75);
    }

    [Fact]
    public void Fifty_thousand_attacks_that_all_outscore_the_legitimate_events_still_give_an_auc_of_one()
    {
        RocMetrics.Auc(Scores(attacks: [.. Enumerable.Repeat(0.9, 50_000)], legitimate: [0.1, 0.2])).Should().Be(1);
    }

    [Fact]
    public void A_scorer_that_gives_everything_the_same_score_is_a_coin_toss()
    {
        RocMetrics.Auc(Scores(attacks: [0.3, 0.3], legitimate: [0.3, 0.3, 0.3])).Should().Be(0.5);
    }

    [Fact]
    public void Tpr_at_one_percent_fpr_counts_the_attacks_above_the_second_highest_legitimate_score_of_a_hundred()
    {
        var scored = Scores(attacks: [0.995, 0.985, 0.5], legitimate: [.. Enumerable.Range(0, 100).Select(i => i / 100.0)]);

        var (tpr, threshold) = RocMetrics.TprAtFpr(scored, 0.01);

        tpr.Should().BeApproximately(2 / 3.0, 1e-9);
        threshold.Should().Be(0.985);
        RocMetrics.TprAtFpr(scored, 0.05).Tpr.Should().BeApproximately(2 / 3.0, 1e-9);
        RocMetrics.FalsePositiveRate(scored, 0.985).Should().Be(0.01);
    }

    [Fact]
    public void A_threshold_never_splits_a_tie_between_an_attack_and_a_legitimate_event()
    {
        var scored = Scores(attacks: [0.9], legitimate: [0.9, .. Enumerable.Repeat(0.1, 99)]);

        RocMetrics.TprAtFpr(scored, 0.005).Tpr.Should().Be(0);
        RocMetrics.TprAtFpr(scored, 0.01).Tpr.Should().Be(1);
    }

    private static List<Scored> Scores(double[] attacks, double[] legitimate) =>
        [.. attacks.Select(s => new Scored(s, true)), .. legitimate.Select(s => new Scored(s, false))];
}
