using LoginGuard.Testing;

namespace LoginGuard.IntegrationTests.Api;

/// <summary>A short, realistic history for one learner: a sign-in, two failures, a sign-in on a new phone and a password change.</summary>
internal static class LearnerEvents
{
    public static async Task<IReadOnlyList<string>> SignInsAsync(ApiWorker worker, string user)
    {
        string[] ids = [$"evt-{user}-laptop", $"evt-{user}-fail-1", $"evt-{user}-fail-2", $"evt-{user}-phone", $"evt-{user}-password"];
        await worker.ProcessAsync(AuthEvents.Of(ids[0], "login.succeeded", ApiWorker.At(TimeSpan.FromHours(5)), user));
        await worker.ProcessAsync(AuthEvents.Of(ids[1], "login.failed", ApiWorker.At(TimeSpan.FromHours(4)), user));
        await worker.ProcessAsync(AuthEvents.Of(ids[2], "login.failed", ApiWorker.At(TimeSpan.FromHours(3)), user));
        await worker.ProcessAsync(AuthEvents.Of(ids[3], "login.succeeded", ApiWorker.At(TimeSpan.FromHours(2)), user, userAgent: AuthEvents.Phone));
        await worker.ProcessAsync(AuthEvents.PasswordChanged(ids[4], user, ApiWorker.At(TimeSpan.FromHours(1))));
        return ids;
    }
}
