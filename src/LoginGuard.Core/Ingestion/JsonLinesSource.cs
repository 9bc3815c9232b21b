using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;

namespace LoginGuard.Ingestion;

/// <summary>One line of a JSON Lines file, as raw bytes, with its 1-based line number.</summary>
internal readonly record struct SourceLine(long Number, ReadOnlyMemory<byte> Bytes);

/// <summary>
/// Reads a JSON Lines stream as raw bytes, line by line, so the parser sees exactly what was written —
/// invalid UTF-8 included — and every line, blank ones too, is accounted for.
/// </summary>
internal static class JsonLinesSource
{
    public static async IAsyncEnumerable<SourceLine> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024));
        long number = 0;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            while (TryReadLine(ref buffer, out var line))
            {
                yield return new SourceLine(++number, TrimCarriageReturn(line.ToArray()));
            }

            if (result.IsCompleted)
            {
                if (!buffer.IsEmpty)
                {
                    yield return new SourceLine(++number, TrimCarriageReturn(buffer.ToArray()));
                }

                break;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }

        await reader.CompleteAsync();
    }

    private static bool TryReadLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        var end = buffer.PositionOf((byte)'\n');
        if (end is null)
        {
            line = default;
            return false;
        }

        line = buffer.Slice(0, end.Value);
        buffer = buffer.Slice(buffer.GetPosition(1, end.Value));
        return true;
    }

    private static ReadOnlyMemory<byte> TrimCarriageReturn(byte[] line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line.AsMemory(0, line.Length - 1) : line;
}
