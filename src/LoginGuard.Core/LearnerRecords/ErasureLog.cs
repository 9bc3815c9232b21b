using Microsoft.Extensions.Logging;

namespace LoginGuard.LearnerRecords;

/// <summary>Erasure leaves a trace for operators: the keyed hash it was filed under, never the account id.</summary>
internal static partial class ErasureLog
{
    [LoggerMessage(EventIds.LearnerErased, LogLevel.Information, "Erased everything kept under learner {Learner}")]
    public static partial void Erased(ILogger logger, string learner);

    [LoggerMessage(EventIds.ErasureFailed, LogLevel.Warning, "The erasure of learner {Learner} failed; it will be tried again")]
    public static partial void Failed(ILogger logger, Exception exception, string learner);

    [LoggerMessage(EventIds.ErasureQueueUnreachable, LogLevel.Warning, "Could not take the erasures that are due; trying again")]
    public static partial void QueueUnreachable(ILogger logger, Exception exception);
}
