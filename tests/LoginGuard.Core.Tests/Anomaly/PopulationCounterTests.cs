using LoginGuard.Contracts;
using LoginGuard.Scoring.Anomaly;
using LoginGuard.Testing;
using LoginGuard.Tools.Training;

namespace LoginGuard.Core.Tests.Anomaly;

public sealed class PopulationCounterTests
{
    private static readonly DateTimeOffset Evening = Learners.Start.AddHours(11);

    [Fact]
    public void A_network_counts_the_learners_who_signed_in_from_it_not_their_sign_ins()
    {
        var counter = new PopulationCounter();
        foreach (var learner in Enumerable.Range(0, 6))
        {
            counter.Add(SignIn($"learner-{learner}", "as12322"), attack: false);
            counter.Add(SignIn($"learner-{learner}", "as12322"), attack: false);
        }

        var population = counter.Build();

        population.Learners.Should().Be(6);
        population.LearnersOnNetwork("as12322").Should().Be(6);
        population.LearnersWithAgent(Learners.Laptop.Agent).Should().Be(6);
    }

    [Fact]
    public void An_attackers_network_does_not_become_common_by_the_accounts_it_took_over()
    {
        var counter = new PopulationCounter();
        foreach (var victim in Enumerable.Range(0, 40))
        {
            counter.Add(SignIn($"victim-{victim}", "as64500"), attack: true);
        }

        counter.Build().LearnersOnNetwork("as64500").Should().Be(0);
    }

    [Fact]
    public void A_network_fewer_than_five_learners_use_is_left_out_so_the_model_file_cannot_single_them_out()
    {
        var counter = new PopulationCounter();
        foreach (var learner in Enumerable.Range(0, Population.MinLearners - 1))
        {
            counter.Add(SignIn($"learner-{learner}", "as3215"), attack: false);
        }

        counter.Build().Networks.Should().NotContainKey("as3215");
    }

    [Fact]
    public void Failed_sign_ins_and_networks_known_only_by_a_hashed_prefix_are_not_counted()
    {
        var counter = new PopulationCounter();
        foreach (var learner in Enumerable.Range(0, 10))
        {
            counter.Add(SignIn($"learner-{learner}", "3f9a0c1d2e4b5a6978877665"), attack: false);
            counter.Add(Learners.FailedSignIn($"stranger-{learner}", Learners.Laptop, Evening), attack: false);
        }

        var population = counter.Build();
        population.Networks.Should().BeEmpty();
        population.Learners.Should().Be(10);
    }

    private static EnrichedEvent SignIn(string learner, string network)
    {
        var enriched = Learners.Event(learner, AuthEventType.LoginSucceeded, Learners.Laptop, Evening);
        return enriched with { Keys = enriched.Keys with { Learner = learner, Network = network } };
    }
}
