using LoginGuard.State;
using LoginGuard.Testing;

namespace LoginGuard.IntegrationTests.State;

/// <summary>A learner with every list full, as a long-time learner who travels has.</summary>
internal static class Histories
{
    public static LearnerHistory Full(int failures = 5) => new(
        Known("d", 10),
        Known("g", 10),
        Known("a", 20),
        Enumerable.Range(0, 10).Select(i => new KnownValue($"as{3215 + i * 977}", At(i * 11), At(i), 3 + i)).ToList(),
        Enumerable.Range(0, 10).Select(i => new KnownValue(((char)('A' + i)).ToString() + "R", At(i * 11), At(i), 2)).ToList(),
        Enumerable.Range(0, 10).Select(i => new KnownPlace((2_996_944 + i * 1_017).ToString(System.Globalization.CultureInfo.InvariantCulture), 45.7485 + i, 4.8467 - i, 20 + i, "FR", At(i * 11), At(i), 4)).ToList(),
        new LastSignIn(At(0), 45.7485, 4.8467, 20, "FR"),
        412,
        Enumerable.Range(0, failures).Select(i => new FailedAttempt(At(0).AddMinutes(-i), Hex("f", i), $"evt-{Guid.NewGuid()}")).ToList(),
        At(3),
        new Dictionary<string, DateTimeOffset> { ["new-device"] = At(1), ["new-country"] = At(4), ["impossible-travel"] = At(9) });

    private static List<KnownValue> Known(string seed, int count) =>
        Enumerable.Range(0, count).Select(i => new KnownValue(Hex(seed, i), At(i * 7), At(i), 1 + i)).ToList();

    /// <summary>A 24-character lower-case hex key, like the keyed hashes state is filed under.</summary>
    public static string Hex(string seed, int i) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed + i)))[..24];

    /// <summary>Days before the start, at an odd time so no field is a round number.</summary>
    private static DateTimeOffset At(int daysBack) => Learners.Start.AddDays(-daysBack).AddTicks(123_456_7);
}
