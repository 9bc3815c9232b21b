using LoginGuard.Scoring.Anomaly;
using LoginGuard.Tools.Training;
using LoginGuard.Worker.Replay;

namespace LoginGuard.Tools.Evaluation;

/// <summary>
/// <c>loginguard-tools evaluate</c>: replays each labelled stream once, deciding and recording each event as the
/// worker would (its rules file with the model among the rules), and scores every event with the
/// baselines side by side.
/// </summary>
/// <remarks>
/// A warm-up replays the first stretch of each stream into the history without scoring it, so the figures
/// describe learners LoginGuard already knows, as in a deployment that has run a while, rather than a
/// platform where every account starts unknown on the first day.
/// </remarks>
internal static class EvaluationRun
{
    public static async Task<List<EvaluatedEvent>> ScoreAsync(
        IReadOnlyList<(string Events, string Labels)> streams, ReplayEnvironment environment, TimeSpan warmUp, IProgress<long> replayed, CancellationToken cancellationToken)
    {
        var seen = 0L;
        var model = environment.Model;
        var rulesOnly = environment.RulesOnly;
        var evaluated = new List<EvaluatedEvent>();
        foreach (var (events, labelsFile) in streams)
        {
            var labels = LabelFile.Read(labelsFile);
            var freeman = new FreemanScorer();
            var naive = new NaiveNoveltyScorer();
            var stream = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(events))) + "/" + Path.GetFileName(events);
            DateTimeOffset? scoredFrom = null;
            await EventReplay.RunAsync(events, environment, model.Metadata.Population, step =>
            {
                replayed.Report(++seen);
                var likelihood = freeman.Score(step.Enriched);
                var naiveScore = naive.Score(step.Enriched);
                var conjunction = naive.NewDeviceInNewCountry(step.Enriched);
                freeman.Record(step.Enriched);
                naive.Record(step.Enriched);
                scoredFrom ??= step.Enriched.Event.OccurredAt + warmUp;
                if (step.Enriched.Event.OccurredAt >= scoredFrom && labels.TryGetValue(step.Enriched.Event.EventId, out var label))
                {
                    evaluated.Add(new EvaluatedEvent(stream, step.Enriched.Event.EventId, FeatureBaseline.KindOf(step.Features), label.Attack, label.Scenario, new Dictionary<Scorer, double>
                    {
                        [Scorer.Combined] = step.Decision.Score,
                        [Scorer.RulesOnly] = rulesOnly.Assess(step.Enriched, step.Snapshot).Score,
                        [Scorer.Freeman] = double.IsPositiveInfinity(likelihood) ? 1 : likelihood / (1 + likelihood),
                        [Scorer.ModelAlone] = model.Score(step.Features),
                        [Scorer.NaiveNovelty] = naiveScore,
                    },
                    string.Join(' ', step.Decision.Reasons.Where(r => r.Rule != AnomalyModelRule.RuleId && !r.Simulated).Select(r => r.Rule)),
                    step.Decision.Reasons.FirstOrDefault(r => r.Rule == AnomalyModelRule.RuleId && r.Score > 0)?.Detail,
                    conjunction,
                    step.Enriched.Event.IsSuccessfulLogin && step.Snapshot.Learner.SuccessfulLogins == 0));
                }
            }, cancellationToken);
        }

        return evaluated;
    }
}
