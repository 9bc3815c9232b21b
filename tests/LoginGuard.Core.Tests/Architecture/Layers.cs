namespace LoginGuard.Core.Tests.Architecture;

/// <summary>
/// The layers of LoginGuard.Core from the bottom up, as docs/architecture.md draws them: each may use the ones
/// before it and none after. A namespace belongs to the layer whose name it starts with.
/// </summary>
internal static class Layers
{
    /// <summary>The shared kernel: wire names, durations, event ids, configuration text. Below every layer.</summary>
    public const string Kernel = "LoginGuard";

    public static readonly IReadOnlyList<string> BottomUp =
    [
        "LoginGuard.Contracts",
        "LoginGuard.Privacy",
        "LoginGuard.Ingestion",
        "LoginGuard.Enrichment",
        "LoginGuard.State",
        "LoginGuard.Scoring",
        "LoginGuard.Feedback",
        "LoginGuard.Alerts",
        "LoginGuard.Activity",
        "LoginGuard.LearnerRecords",
        "LoginGuard.Pipeline",
        "LoginGuard.Kafka",
    ];

    /// <summary>The layer a namespace belongs to, the kernel for <c>LoginGuard</c> itself, or null for one outside Core.</summary>
    public static string? Of(string? ns)
    {
        if (ns == Kernel)
        {
            return Kernel;
        }

        return ns is null ? null : BottomUp.FirstOrDefault(layer => ns == layer || ns.StartsWith(layer + ".", StringComparison.Ordinal));
    }

    /// <summary>How high a layer sits: the kernel is -1, the contracts 0.</summary>
    public static int Rank(string layer) => layer == Kernel ? -1 : BottomUp.ToList().IndexOf(layer);

    public static IEnumerable<string> Above(string layer) => BottomUp.Skip(Rank(layer) + 1);
}
