using Microsoft.Extensions.Logging;

namespace LoginGuard.LearnerRecords;

/// <summary>Erasure leaves a trace for operators: the keyed hash it was filed under, never the account id.</summary>
internal static partial class ErasureLog
{
    [LoggerMessage(EventIds.LearnerErased, LogLevel.Information, "Erased everything kept under learner {Learner}")]
    public static partial void Erased(ILogger logger, string learner);
}
