using LoginGuard.Testing.Hosting;

namespace LoginGuard.IntegrationTests.Privacy;

public sealed class InMemoryLearnerDataTests : LearnerDataContract
{
    internal override WorkerSettings OnBackend(WorkerSettings settings) => settings.InMemory();
}
