using System.Text.Json.Nodes;
using LoginGuard.Privacy;

namespace LoginGuard.LearnerRecords;

/// <summary>
/// Everything kept about a learner, as one JSON document made of each store's sections (history, decisions, activity,
/// mails, answers); what is still filed under a hash key rotated out comes along under <c>underPreviousHashKeys</c>.
/// </summary>
internal sealed class LearnerExporter(IEnumerable<ILearnerData> stores, KeyedHasher hasher)
{
    public async Task<JsonObject> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var under = DataSubjects.Of(hasher, userId).ToList();
        var export = await ExportUnderAsync(under[0].Learner, cancellationToken);
        if (under.Count > 1)
        {
            var previous = new JsonArray();
            foreach (var (keyId, learner) in under.Skip(1))
            {
                var found = await ExportUnderAsync(learner, cancellationToken);
                found["hashKeyId"] = keyId;
                previous.Add(found);
            }

            export["underPreviousHashKeys"] = previous;
        }

        return export;
    }

    private async Task<JsonObject> ExportUnderAsync(DataSubject learner, CancellationToken cancellationToken)
    {
        var mentions = await stores.MentionsAsync(learner, cancellationToken);
        var export = new JsonObject { ["userId"] = learner.UserId, ["storedUnder"] = learner.Learner };
        foreach (var part in await Task.WhenAll(stores.Select(store => store.ExportAsync(learner, mentions, cancellationToken))))
        {
            foreach (var (name, section) in part.ToList())
            {
                part.Remove(name);
                export[name] = section;
            }
        }

        return export;
    }
}
