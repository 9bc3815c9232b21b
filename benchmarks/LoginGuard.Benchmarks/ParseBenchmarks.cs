using BenchmarkDotNet.Attributes;
using LoginGuard.Ingestion;

namespace LoginGuard.Benchmarks;

[MemoryDiagnoser]
public class ParseBenchmarks
{
    [Benchmark(Description = "Parse and validate one login event")]
    public object? Parse() => EventParser.Parse(SampleInputs.LoginEvent).Event;
}
