using System.Buffers.Binary;
using StackExchange.Redis;

namespace LoginGuard.State;

/// <summary>
/// A learner's history as Redis holds it: a 4-byte version stamp, then the serialized history. The record
/// script compares the stamp it finds with the one that was read (<see cref="Version"/>) and writes only
/// when they match; a learner with no state has the empty stamp.
/// </summary>
internal sealed record StoredHistory(byte[] Version, LearnerHistory History)
{
    private const int StampLength = sizeof(uint);

    /// <summary>A learner with no state yet.</summary>
    public static StoredHistory None { get; } = new([], LearnerHistory.Empty);

    public static StoredHistory Read(RedisValue value)
    {
        if (value.IsNull)
        {
            return None;
        }

        var bytes = (ReadOnlyMemory<byte>)value;
        return new StoredHistory(bytes[..StampLength].ToArray(), LearnerHistorySerializer.Deserialize(bytes[StampLength..]));
    }

    /// <summary>The stamp the next write carries; it wraps around, and a wrap between one read and its write is beyond reach.</summary>
    public byte[] Next
    {
        get
        {
            var next = new byte[StampLength];
            BinaryPrimitives.WriteUInt32LittleEndian(next, Version.Length == 0 ? 1 : unchecked(BinaryPrimitives.ReadUInt32LittleEndian(Version) + 1));
            return next;
        }
    }

    public static byte[] Serialize(byte[] version, LearnerHistory history) => [.. version, .. LearnerHistorySerializer.Serialize(history)];
}
