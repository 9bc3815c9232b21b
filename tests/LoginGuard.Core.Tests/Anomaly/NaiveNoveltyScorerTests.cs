using LoginGuard.Contracts;
using LoginGuard.Testing;
using LoginGuard.Tools.Evaluation;

namespace LoginGuard.Core.Tests.Anomaly;

/// <summary>The naive novelty baseline the evaluation holds LoginGuard against.</summary>
public sealed class NaiveNoveltyScorerTests
{
    private static readonly DateTimeOffset Evening = Learners.Start.Date.AddHours(19);

    [Fact]
    public void A_learners_first_sign_in_is_nothing_new_and_the_next_on_a_new_device_in_tokyo_raises_three_flags()
    {
        var scorer = new NaiveNoveltyScorer();
        var first = WithDevice(Histories.SignInFrom(Learners.Lyon, Evening), "laptop-cookie");

        scorer.Score(first).Should().Be(0);
        scorer.Record(first);
        var tokyo = WithDevice(Histories.SignInFrom(Histories.Tokyo, Evening.AddDays(1)), "stranger-cookie");

        scorer.Score(tokyo).Should().Be(0.75);
        scorer.NewDeviceInNewCountry(tokyo).Should().BeTrue();
    }

    [Fact]
    public void Failures_from_the_address_in_the_last_hour_add_a_tenth_of_a_flag_each()
    {
        var scorer = new NaiveNoveltyScorer();
        foreach (var minutes in new[] { 90, 30, 20, 10 })
        {
            scorer.Record(Learners.FailedSignIn("bob", Learners.Laptop, Evening.AddMinutes(-minutes)));
        }

        scorer.Score(Learners.FailedSignIn("ana", Learners.Laptop, Evening)).Should().BeApproximately(0.3 / 4, 1e-9, "three of the four failures are within the hour");
    }

    private static EnrichedEvent WithDevice(EnrichedEvent enriched, string deviceId) => enriched with { Event = enriched.Event with { DeviceId = deviceId } };
}
