namespace LoginGuard.IntegrationTests.Privacy;

public sealed class InMemoryLearnerDataTests : LearnerDataContract
{
    internal override IReadOnlyDictionary<string, string?> Backend { get; } = new Dictionary<string, string?> { ["Redis:Configuration"] = "" };
}
