using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace LoginGuard.Activity;

/// <summary>The stored and served form of an activity entry.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ActivityEntry))]
[JsonSerializable(typeof(IReadOnlyList<ActivityEntry>))]
internal sealed partial class ActivityJson : JsonSerializerContext
{
    public static string Serialize(ActivityEntry entry) => JsonSerializer.Serialize(entry, Default.ActivityEntry);

    /// <summary>The activity's section of a learner's export, the same from either log.</summary>
    public static JsonObject Export(IReadOnlyList<ActivityEntry> entries) => new()
    {
        ["activity"] = JsonSerializer.SerializeToNode(entries, Default.IReadOnlyListActivityEntry),
    };

    public static ActivityEntry Deserialize(string json) =>
        JsonSerializer.Deserialize(json, Default.ActivityEntry) ?? throw new JsonException("A stored activity entry was the JSON literal null.");
}
