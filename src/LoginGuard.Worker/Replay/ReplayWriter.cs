using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LoginGuard.Contracts;
using LoginGuard.Ingestion;
using LoginGuard.Pipeline;

namespace LoginGuard.Worker.Replay;

/// <summary>Writes a replay's decisions and dead letters as JSON Lines, one line per input line.</summary>
internal sealed class ReplayWriter : IAsyncDisposable
{
    public const int ContentCharacters = 256;

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Stream decisions;
    private readonly Stream deadLetters;
    private readonly Utf8JsonWriter decisionWriter;
    private readonly Utf8JsonWriter deadLetterWriter;

    public ReplayWriter(string outDirectory)
    {
        decisions = File.Create(Path.Combine(outDirectory, "decisions.jsonl"));
        deadLetters = File.Create(Path.Combine(outDirectory, "dead-letters.jsonl"));
        decisionWriter = new Utf8JsonWriter(decisions, Options);
        deadLetterWriter = new Utf8JsonWriter(deadLetters, Options);
    }

    public async ValueTask WriteAsync(SourceLine line, PipelineOutcome outcome, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case Decided decided:
                DecisionJson.Write(decisionWriter, decided.Decision);
                await EndLineAsync(decisionWriter, decisions, cancellationToken);
                break;
            case DeadLettered dead:
                WriteDeadLetter(line, dead.Rejection);
                await EndLineAsync(deadLetterWriter, deadLetters, cancellationToken);
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await decisionWriter.DisposeAsync();
        await deadLetterWriter.DisposeAsync();
        await decisions.DisposeAsync();
        await deadLetters.DisposeAsync();
    }

    private void WriteDeadLetter(SourceLine line, Rejection rejection)
    {
        var writer = deadLetterWriter;
        writer.WriteStartObject();
        writer.WriteNumber("line", line.Number);
        writer.WriteString("reason", rejection.Reason);
        if (rejection.Field is not null)
        {
            writer.WriteString("field", rejection.Field);
        }

        writer.WriteString("detail", rejection.Detail);
        writer.WriteString("content", Preview(line.Bytes.Span));
        writer.WriteEndObject();
    }

    private static string Preview(ReadOnlySpan<byte> bytes)
    {
        // Enough bytes for 256 characters of any script, decoded leniently: a dead letter may be anything.
        var text = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, ContentCharacters * 4)]);
        return text.Length <= ContentCharacters ? text : text[..ContentCharacters];
    }

    private static async ValueTask EndLineAsync(Utf8JsonWriter writer, Stream stream, CancellationToken cancellationToken)
    {
        await writer.FlushAsync(cancellationToken);
        writer.Reset();
        stream.WriteByte((byte)'\n');
    }
}
