using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace LoginGuard.Worker.Terminal;

/// <summary>
/// Progress and timing for the long commands (<c>generate</c>, <c>train</c>, <c>evaluate</c>, <c>replay</c>, <c>bench</c>),
/// and the one place that decides how they look. On a terminal each stage shows a live bar (a spinner when the amount
/// of work is not known beforehand) with its elapsed time, then a line with the time it took. Redirected to a file or a
/// pipe, or under CI, nothing moves and nothing is drawn: the command's results, then one plain closing line with the
/// time in total and per stage, so a log says how long a run took without carrying escape codes.
/// </summary>
internal sealed class CommandProgress
{
    private readonly string command;
    private readonly TextWriter output;
    private readonly IAnsiConsole? terminal;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly List<(string Name, TimeSpan Took)> stages = [];

    private CommandProgress(string command, TextWriter output, IAnsiConsole? terminal)
    {
        this.command = command;
        this.output = output;
        this.terminal = terminal;
    }

    /// <summary>Whether progress is drawn: only when the output it was given is this process's console and that is a terminal.</summary>
    public bool IsLive => terminal is not null;

    /// <param name="command">The command's name, as the closing line starts with it (<c>bench flood</c>).</param>
    /// <param name="output">Where the command writes its results; a writer other than the console (a test's) is never a terminal.</param>
    public static CommandProgress For(string command, TextWriter output) =>
        new(command, output, IsTerminal(output) ? AnsiConsole.Console : null);

    /// <summary>
    /// A terminal is the console's own output, not redirected, outside CI (whose logs keep every frame of a bar)
    /// and not a terminal that declares it draws nothing (<c>TERM=dumb</c>).
    /// </summary>
    public static bool IsTerminal(TextWriter output) =>
        ReferenceEquals(output, Console.Out)
        && !Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
        && Environment.GetEnvironmentVariable("TERM") is not "dumb";

    /// <summary>Runs one stage, showing its progress on a terminal, and records how long it took.</summary>
    /// <param name="total">The units of work the stage reports through its <see cref="IProgress{T}"/> (done so far); null for a spinner.</param>
    public async Task<T> StageAsync<T>(string name, long? total, Func<IProgress<long>, Task<T>> work)
    {
        var started = clock.Elapsed;
        var result = terminal is null ? await work(Ignored.Instance) : await ShowAsync(terminal, name, total, work);
        var took = clock.Elapsed - started;
        stages.Add((name, took));
        terminal?.MarkupLine($"[green]✓[/] {Markup.Escape(name)} [grey]{Seconds(took)}[/]");
        return result;
    }

    public Task StageAsync(string name, long? total, Func<IProgress<long>, Task> work) =>
        StageAsync(name, total, async progress =>
        {
            await work(progress);
            return true;
        });

    /// <summary>A stage of synchronous work, run off the caller's thread.</summary>
    public Task<T> ComputeAsync<T>(string name, long? total, Func<IProgress<long>, T> work) =>
        StageAsync(name, total, progress => Task.Run(() => work(progress)));

    public Task ComputeAsync(string name, long? total, Action<IProgress<long>> work) =>
        StageAsync(name, total, progress => Task.Run(() => work(progress)));

    /// <summary>The closing line: what was done, then how long it took in total and stage by stage.</summary>
    public void Finish(string summary)
    {
        var breakdown = stages.Count > 1 ? $" ({string.Join(", ", stages.Select(s => $"{s.Name} {Seconds(s.Took)}"))})" : "";
        output.WriteLine($"{command}: {summary} in {Seconds(clock.Elapsed)}{breakdown}.");
    }

    public static string Seconds(TimeSpan time) => time.TotalSeconds.ToString(time.TotalSeconds < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " s";

    private static Task<T> ShowAsync<T>(IAnsiConsole console, string name, long? total, Func<IProgress<long>, Task<T>> work)
    {
        ProgressColumn[] columns = total is null
            ? [new SpinnerColumn(), new TaskDescriptionColumn(), new ElapsedTimeColumn()]
            : [new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn()];
        return console.Progress().AutoClear(true).Columns(columns).StartAsync(async context =>
        {
            var task = context.AddTask(Markup.Escape(name), maxValue: Math.Max(1, total ?? 1));
            task.IsIndeterminate = total is null;
            var result = await work(new TaskProgress(task));
            task.Value = task.MaxValue;
            return result;
        });
    }

    /// <summary>Reports may come from several threads (the flood's lanes) and out of order: the bar only moves forward.</summary>
    private sealed class TaskProgress(ProgressTask task) : IProgress<long>
    {
        private readonly Lock gate = new();

        public void Report(long value)
        {
            lock (gate)
            {
                task.Value = Math.Max(task.Value, value);
            }
        }
    }

    private sealed class Ignored : IProgress<long>
    {
        public static readonly Ignored Instance = new();

        public void Report(long value)
        {
        }
    }
}
