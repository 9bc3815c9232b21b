using Microsoft.Extensions.Logging;

namespace LoginGuard.Privacy;

internal static partial class KeyedHasherLog
{
    [LoggerMessage(
        EventId = 2101,
        EventName = "DevelopmentHashKey",
        Level = LogLevel.Warning,
        Message = "Privacy:HashKey is not set; using the development key — device and learner hashes are predictable. Set Privacy:HashKey (32+ random bytes, base64) in production.")]
    public static partial void DevelopmentKeyInUse(ILogger logger);
}
