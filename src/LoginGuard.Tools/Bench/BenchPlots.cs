using ScottPlot;

namespace LoginGuard.Tools.Bench;

/// <summary>The figures the benches draw for docs/performance.md and docs/state.md, as PNG.</summary>
internal static class BenchPlots
{
    private const int Bins = 40;

    /// <summary>How long events waited for their decision at a steady offered load, with the percentiles the bench prints.</summary>
    public static void Latency(IReadOnlyList<double> sortedMilliseconds, int rate, string path, Func<double, double> percentile)
    {
        var plot = new Plot();
        if (sortedMilliseconds.Count > 0)
        {
            var (low, high) = (sortedMilliseconds[0], Math.Max(sortedMilliseconds[0] + 1, sortedMilliseconds[^1]));
            var width = (high - low) / Bins;
            var counts = new double[Bins];
            foreach (var value in sortedMilliseconds)
            {
                counts[Math.Min(Bins - 1, (int)((value - low) / width))]++;
            }

            var bars = plot.Add.Bars(Enumerable.Range(0, Bins).Select(i => low + (width * (i + 0.5))).ToArray(), counts);
            foreach (var bar in bars.Bars)
            {
                bar.Size = width * 0.9;
            }

            foreach (var (name, p, pattern) in new[] { ("p50", 0.50, LinePattern.Solid), ("p95", 0.95, LinePattern.Dashed), ("p99", 0.99, LinePattern.Dotted) })
            {
                var line = plot.Add.VerticalLine(percentile(p), 2, Colors.Black, pattern);
                line.LegendText = FormattableString.Invariant($"{name} {percentile(p):F0} ms");
            }

            plot.ShowLegend(Alignment.UpperRight);
        }

        plot.Title(FormattableString.Invariant($"Produce → decision latency at {rate:N0} events/s offered ({sortedMilliseconds.Count:N0} events)"));
        plot.XLabel("latency (ms)");
        plot.YLabel("events");
        plot.Axes.Margins(bottom: 0);
        Save(plot, path);
    }

    /// <summary>Redis's used_memory as the bench wrote: a straight line is a fixed cost per unit, a bend is something that does not expire or is not bounded.</summary>
    public static void Memory(IReadOnlyList<(long Done, long Bytes)> samples, string title, string xLabel, string path)
    {
        var plot = new Plot();
        var line = plot.Add.ScatterLine(samples.Select(s => (double)s.Done).ToArray(), samples.Select(s => s.Bytes / 1048576.0).ToArray());
        line.LineWidth = 2;
        line.MarkerSize = 5;
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel("Redis used_memory grown (MiB)");
        plot.Axes.Margins(bottom: 0, left: 0);
        Save(plot, path);
    }

    private static void Save(Plot plot, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        plot.SavePng(path, 800, 500);
    }
}
