using System.Text.Json.Serialization;

namespace LoginGuard.Scoring;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ScoringOptions))]
internal sealed partial class ScoringJsonContext : JsonSerializerContext;
