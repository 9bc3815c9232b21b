using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LoginGuard.Contracts;

namespace LoginGuard.State;

/// <summary>The behavior store's sections of a learner's export, the same from either backend.</summary>
internal static class BehaviorExport
{
    private static readonly JsonSerializerOptions HistoryJson = new(JsonSerializerDefaults.Web);

    /// <param name="history">Null when nothing is kept.</param>
    /// <param name="decisions">Kept without the raw user id; the export puts <paramref name="userId"/> back, newest first.</param>
    /// <param name="tombstone">The learner's, when they were erased: it is kept about them too.</param>
    public static JsonObject Of(string userId, LearnerHistory? history, IEnumerable<Decision> decisions, Tombstone? tombstone) => new()
    {
        ["history"] = history is null ? null : JsonSerializer.SerializeToNode(history, HistoryJson),
        ["decisions"] = new JsonArray([.. decisions.OrderByDescending(d => d.OccurredAt).Select(d => JsonNode.Parse(DecisionJson.Serialize(d with { UserId = userId })))]),
        ["erasure"] = tombstone switch
        {
            null => null,
            { IsOfDeletedAccount: true } => new JsonObject { ["accountDeleted"] = true },
            _ => new JsonObject { ["upTo"] = tombstone.Until.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) },
        },
    };
}
