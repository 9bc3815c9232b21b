using System.Diagnostics;

namespace LoginGuard.IntegrationTests.Infrastructure;

/// <summary>Polls a condition instead of sleeping, so a test waits as long as a loaded machine needs and no longer.</summary>
internal static class Until
{
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            clock.Elapsed.Should().BeLessThan(timeout, $"{what} should have happened by now");
            await Task.Delay(50);
        }
    }

    public static Task TrueAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        TrueAsync(() => Task.FromResult(condition()), timeout, what);
}
