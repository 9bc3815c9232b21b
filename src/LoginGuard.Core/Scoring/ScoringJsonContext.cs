using System.Text.Json.Serialization;

namespace LoginGuard.Scoring;

[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(ScoringOptions))]
internal sealed partial class ScoringJsonContext : JsonSerializerContext;
