using System.Text.Json;
using LoginGuard.Worker.Commands;
using MimeKit;

namespace LoginGuard.IntegrationTests.Replay;

/// <summary>Runs the replay command into a temporary folder and reads back everything it wrote.</summary>
internal sealed class ReplayRun : IDisposable
{
    private ReplayRun(string directory, int exitCode)
    {
        Directory = directory;
        ExitCode = exitCode;
    }

    public string Directory { get; }

    public int ExitCode { get; }

    public IReadOnlyList<JsonElement> Decisions => ReadJsonLines("decisions.jsonl");

    public IReadOnlyList<JsonElement> DeadLetters => ReadJsonLines("dead-letters.jsonl");

    public IReadOnlyList<MimeMessage> Mail => System.IO.Directory.EnumerateFiles(Path.Combine(Directory, "outbox"), "*.eml")
        .Order(StringComparer.Ordinal)
        .Select(path => MimeMessage.Load(path))
        .ToList();

    public static async Task<ReplayRun> OfLinesAsync(IEnumerable<string> lines)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("loginguard-replay-").FullName;
        var input = Path.Combine(directory, "events.jsonl");
        await File.WriteAllLinesAsync(input, lines);
        return await OfFileAsync(input, directory);
    }

    public static async Task<ReplayRun> OfFileAsync(string? input, string? directory = null)
    {
        directory ??= System.IO.Directory.CreateTempSubdirectory("loginguard-replay-").FullName;
        var output = new DirectoryInfo(Path.Combine(directory, "out"));
        var exitCode = await ReplayCommand.RunAsync(input is null ? null : new FileInfo(input), output, verbose: false, CancellationToken.None);
        return new ReplayRun(output.FullName, exitCode);
    }

    public void Dispose()
    {
        var root = Path.GetDirectoryName(Directory)!;
        System.IO.Directory.Delete(root, recursive: true);
    }

    private List<JsonElement> ReadJsonLines(string name) => File.ReadLines(Path.Combine(Directory, name))
        .Select(line => JsonDocument.Parse(line).RootElement.Clone())
        .ToList();
}
