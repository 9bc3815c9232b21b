using Microsoft.Extensions.Logging;

namespace LoginGuard.Scoring;

internal static partial class ScoringLog
{
    [LoggerMessage(EventIds.RuleSetLoaded, LogLevel.Information, "Rule set {Version} in force with {RuleCount} enabled rule(s) ({Outcome})")]
    public static partial void Loaded(ILogger logger, string version, int ruleCount, ReloadOutcome outcome);

    [LoggerMessage(EventIds.RuleSetRejected, LogLevel.Error, "Rules file rejected with {ErrorCount} error(s); rule set {Version} stays in force")]
    public static partial void Rejected(ILogger logger, int errorCount, string version);

    [LoggerMessage(EventIds.RuleSetError, LogLevel.Error, "Rules file error: {Error}")]
    public static partial void Error(ILogger logger, string error);
}
