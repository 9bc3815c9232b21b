using System.Diagnostics;
using System.Globalization;
using StackExchange.Redis;

namespace LoginGuard.Tools.Bench;

/// <summary>
/// Where the machine's CPU went while the bench ran: the workers, every redis-server (replicas too, they replay
/// the masters' writes) and the bench's own process (generator, mock Kafka cluster, decision reader). The goal is
/// stated as CPU per event for everything on the box, so the worker's share alone does not say how far off it is.
/// </summary>
internal sealed record BenchBox(TimeSpan Workers, TimeSpan Redis, TimeSpan Bench)
{
    public static async Task<BenchBox> ReadAsync(BenchWorkers workers, IConnectionMultiplexer connection)
    {
        using var self = Process.GetCurrentProcess();
        return new BenchBox(workers.CpuTime, await RedisCpuAsync(connection), self.TotalProcessorTime);
    }

    public static BenchBox operator -(BenchBox after, BenchBox before) =>
        new(after.Workers - before.Workers, after.Redis - before.Redis, after.Bench - before.Bench);

    public string Describe(long events, double seconds)
    {
        var total = Workers + Redis + Bench;
        return FormattableString.Invariant(
            $"CPU per event on the machine: workers {PerEvent(Workers, events)}, redis-server {PerEvent(Redis, events)} (INFO cpu, every server), the bench's own process {PerEvent(Bench, events)}; {PerEvent(total, events)} in all, which {total.TotalSeconds / seconds:F2} cores spend at {events / seconds:N0} events/s.");
    }

    private static string PerEvent(TimeSpan cpu, long events) => FormattableString.Invariant($"{cpu.TotalMicroseconds / events:N0} µs");

    private static async Task<TimeSpan> RedisCpuAsync(IConnectionMultiplexer connection)
    {
        var seconds = 0.0;
        foreach (var server in connection.GetServers().Where(server => server.IsConnected))
        {
            var cpu = (await server.InfoAsync("cpu")).SelectMany(group => group).ToDictionary(pair => pair.Key, pair => pair.Value);
            seconds += double.Parse(cpu["used_cpu_user"], CultureInfo.InvariantCulture) + double.Parse(cpu["used_cpu_sys"], CultureInfo.InvariantCulture);
        }

        return TimeSpan.FromSeconds(seconds);
    }
}
