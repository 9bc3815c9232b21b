using System.Diagnostics;
using LoginGuard.Ingestion;
using LoginGuard.Pipeline;

namespace LoginGuard.Worker.Replay;

/// <summary>Feeds a JSON Lines file through the pipeline, in order, and writes every outcome.</summary>
internal sealed class ReplayRunner(LoginPipeline pipeline)
{
    private const int ProgressEvery = 25_000;

    public async Task<ReplayTally> RunAsync(string inputPath, string outDirectory, TextWriter progress, CancellationToken cancellationToken)
    {
        var tally = new ReplayTally();
        var clock = Stopwatch.StartNew();
        await using var input = File.OpenRead(inputPath);
        await using var writer = new ReplayWriter(outDirectory);
        await foreach (var line in JsonLinesSource.ReadAsync(input, cancellationToken))
        {
            var outcome = await pipeline.ProcessAsync(line.Bytes, cancellationToken);
            await writer.WriteAsync(line, outcome, cancellationToken);
            if (outcome is Decided { Publication: { } written })
            {
                await pipeline.PublishedAsync([written], cancellationToken);
            }

            tally.Add(outcome);
            if (tally.Lines % ProgressEvery == 0)
            {
                await progress.WriteLineAsync($"  … {tally.Lines:N0} lines ({tally.Lines / clock.Elapsed.TotalSeconds:N0}/s)");
            }
        }

        return tally;
    }
}
