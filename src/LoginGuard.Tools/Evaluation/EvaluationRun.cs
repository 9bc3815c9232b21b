using LoginGuard.Scoring;
using LoginGuard.Scoring.Anomaly;
using LoginGuard.Tools.Training;

namespace LoginGuard.Tools.Evaluation;

/// <summary>
/// <c>loginguard evaluate</c>: replays each labelled stream once, recording the combined decision as the
/// worker would, and scores every event with the combined scorer and the baselines side by side.
/// </summary>
internal static class EvaluationRun
{
    public static async Task<List<EvaluatedEvent>> ScoreAsync(
        IReadOnlyList<(string Events, string Labels)> streams, string geoIpDirectory, string modelPath, CancellationToken cancellationToken)
    {
        using var environment = new ReplayEnvironment(geoIpDirectory, modelPath);
        var model = environment.Model;
        var modelRule = environment.ModelRule;
        var levels = environment.Levels;
        var evaluated = new List<EvaluatedEvent>();
        foreach (var (events, labelsFile) in streams)
        {
            var labels = LabelFile.Read(labelsFile);
            var freeman = new FreemanScorer();
            var stream = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(events))) + "/" + Path.GetFileName(events);
            await EventReplay.RunAsync(events, environment, step =>
            {
                var reason = modelRule.Evaluate(step.Enriched, step.Snapshot);
                var combined = CombinedAssessment.Of(step.Rules, reason, modelRule.Settings, levels);
                var likelihood = freeman.Score(step.Enriched);
                freeman.Record(step.Enriched);
                if (labels.TryGetValue(step.Enriched.Event.EventId, out var label))
                {
                    evaluated.Add(new EvaluatedEvent(stream, FeatureBaseline.KindOf(step.Features), label.Attack, label.Scenario, new Dictionary<Scorer, double>
                    {
                        [Scorer.Combined] = combined.Score,
                        [Scorer.RulesOnly] = step.Rules.Score,
                        [Scorer.Freeman] = double.IsPositiveInfinity(likelihood) ? 1 : likelihood / (1 + likelihood),
                        [Scorer.ModelAlone] = model.Score(step.Features),
                    }, reason?.Detail));
                }

                return combined;
            }, cancellationToken);
        }

        return evaluated;
    }
}
