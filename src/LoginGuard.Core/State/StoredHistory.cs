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

    /// <summary>
    /// Set when the learner had no state under the current hash key and this is their history under a key rotated out:
    /// where it was, to remove once it is written under the current key. <see cref="Version"/> is then the empty stamp.
    /// </summary>
    public FiledBefore? From { get; init; }

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

/// <summary>A learner's history as it was filed under a hash key rotated out: their keyed hash there, and its version stamp.</summary>
internal sealed record FiledBefore(string Learner, byte[] Version);
