using System.Collections.Concurrent;
using LoginGuard.Scoring.Anomaly;
using LoginGuard.Testing;

namespace LoginGuard.Core.Tests.Anomaly;

public sealed class PooledScoringTests(TinyModel tiny) : IClassFixture<TinyModel>
{
    [Fact]
    public void Scoring_from_many_threads_at_once_gives_every_event_the_score_it_gets_alone()
    {
        using var model = AnomalyModel.Load(tiny.Path, "Scoring:Model:Path");
        var vectors = Enumerable.Range(0, 64).Select(Vector).ToList();
        var alone = vectors.Select(model.Score).ToList();
        var together = new ConcurrentBag<(int Index, double Score)>();

        Parallel.For(0, 4000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => together.Add((i % 64, model.Score(vectors[i % 64]))));

        together.Should().HaveCount(4000);
        together.Should().OnlyContain(t => t.Score == alone[t.Index]);
        alone.Should().Contain(s => s > 0.5).And.Contain(s => s < 0.5, "the vectors include attacks and legitimate sign-ins");
    }

    private static LoginFeatures Vector(int i) => LoginFeatureExtractor.Extract(
        Histories.SignInFrom(i % 2 == 0 ? Histories.Tokyo : Learners.Lyon, Learners.Start.AddMinutes(i * 17)),
        Histories.Snapshot(Histories.SettledInLyon()),
        Histories.NoPopulation);
}
