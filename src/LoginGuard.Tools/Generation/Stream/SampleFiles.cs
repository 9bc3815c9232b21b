using System.Text;

namespace LoginGuard.Tools.Generation.Stream;

/// <summary>Writes the stream as <c>events.jsonl</c> and <c>labels.csv</c>: UTF-8 without BOM and "\n" endings on every OS, so output is byte-identical.</summary>
internal static class SampleFiles
{
    public const string EventsFile = "events.jsonl";
    public const string LabelsFile = "labels.csv";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void Write(GeneratedStream stream, string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, EventsFile), stream.Jsonl(), Utf8);
        File.WriteAllText(Path.Combine(directory, LabelsFile), stream.LabelsCsv(), Utf8);
    }
}
