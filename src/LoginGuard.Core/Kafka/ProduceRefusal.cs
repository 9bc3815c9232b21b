using Confluent.Kafka;

namespace LoginGuard.Kafka;

/// <summary>
/// Produce errors that no retry can cure, split by what they are about. A message the cluster will never take
/// (too large, an invalid record) is the event's own problem: the event is parked and the stream goes on. A topic
/// this worker may not write to, or cannot name, is the deployment's problem: every event would fail the same way,
/// so the worker stops with the error instead of parking its whole input. Everything else is retried.
/// </summary>
internal static class ProduceRefusal
{
    public static bool IsAboutTheMessage(ErrorCode code) => code is
        ErrorCode.MsgSizeTooLarge or ErrorCode.RecordListTooLarge
        or ErrorCode.InvalidRecord or ErrorCode.InvalidMsgSize;

    public static bool IsAboutTheTopic(ErrorCode code) => code is
        ErrorCode.TopicAuthorizationFailed or ErrorCode.ClusterAuthorizationFailed or ErrorCode.TopicException
        or ErrorCode.Local_UnknownTopic;

    public static bool IsPermanent(ErrorCode code) => IsAboutTheMessage(code) || IsAboutTheTopic(code);
}
