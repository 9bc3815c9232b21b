using System.Text;
using LoginGuard.Enrichment;
using LoginGuard.IntegrationTests.Api;
using LoginGuard.LearnerRecords;
using LoginGuard.Pipeline;
using LoginGuard.Testing;
using LoginGuard.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LoginGuard.IntegrationTests.Privacy;

/// <summary>
/// What a learner's export and erasure do whichever backend keeps the data: every store that keeps part of it exports
/// it, and after erasure exports nothing. The in-process and the Redis backend each run this suite.
/// </summary>
public abstract class LearnerDataContract : IAsyncLifetime
{
    private readonly string pickup = Directory.CreateTempSubdirectory("loginguard-records-").FullName;
    private IHost host = null!;

    /// <summary>The backend these settings choose.</summary>
    internal abstract WorkerSettings OnBackend(WorkerSettings settings);

    public async Task InitializeAsync()
    {
        host = OnBackend(new WorkerSettings().MailTo(pickup)).CreateBuilder().Build();
        await host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        Directory.Delete(pickup, recursive: true);
    }

    [Fact]
    public async Task Exports_what_every_store_keeps_of_a_learner_and_once_they_are_erased_only_their_tombstone()
    {
        var zoe = await SignInsAsync("zoe");
        await SignInsAsync("mia");
        var exporter = host.Services.GetRequiredService<LearnerExporter>();

        var before = await exporter.ExportAsync("zoe", default);

        ((string?)before["userId"]).Should().Be("zoe");
        ((string?)before["storedUnder"]).Should().Be(host.Services.GetRequiredService<StateKeyMaker>().Learner("zoe"));
        before["history"]!["devices"]!.AsArray().Should().HaveCount(2);
        before["decisions"]!.AsArray().Select(d => (string?)d!["eventId"]).Should().BeEquivalentTo(zoe);
        before["decisions"]!.AsArray().Should().OnlyContain(d => (string?)d!["userId"] == "zoe");
        before["activity"]!.AsArray().Should().HaveCount(zoe.Count);
        before["mails"]!.AsArray().Select(m => (string?)m!["kind"]).Should().BeEquivalentTo(["new-device", "password-changed"]);
        before["mails"]!.AsArray().Should().OnlyContain(m => zoe.Contains((string?)m!["eventId"]));
        before["erasure"].Should().BeNull("nothing was erased yet");

        await host.Services.GetRequiredService<LearnerEraser>().EraseAsync("zoe", default);
        var after = await exporter.ExportAsync("zoe", default);

        after["history"].Should().BeNull();
        ((string?)after["erasure"]!["upTo"]).Should().NotBeNullOrEmpty("the tombstone is kept about her, and shown to her");
        foreach (var section in new[] { "decisions", "activity", "mails", "answers" }.Where(after.ContainsKey))
        {
            after[section]!.AsArray().Should().BeEmpty(section);
        }

        var mia = await exporter.ExportAsync("mia", default);
        mia["decisions"]!.AsArray().Should().HaveCount(zoe.Count, "erasing one learner leaves the others be");
        mia["mails"]!.AsArray().Should().HaveCount(2);
    }

    /// <summary>A sign-in, two failures, a sign-in on a new phone and a password change.</summary>
    private async Task<IReadOnlyList<string>> SignInsAsync(string user)
    {
        string[] ids = [$"evt-{user}-laptop", $"evt-{user}-fail-1", $"evt-{user}-fail-2", $"evt-{user}-phone", $"evt-{user}-password"];
        string[] events =
        [
            AuthEvents.Of(ids[0], "login.succeeded", ApiWorker.At(TimeSpan.FromHours(5)), user),
            AuthEvents.Of(ids[1], "login.failed", ApiWorker.At(TimeSpan.FromHours(4)), user),
            AuthEvents.Of(ids[2], "login.failed", ApiWorker.At(TimeSpan.FromHours(3)), user),
            AuthEvents.Of(ids[3], "login.succeeded", ApiWorker.At(TimeSpan.FromHours(2)), user, userAgent: AuthEvents.Phone),
            AuthEvents.PasswordChanged(ids[4], user, ApiWorker.At(TimeSpan.FromHours(1))),
        ];
        var pipeline = host.Services.GetRequiredService<LoginPipeline>();
        foreach (var json in events)
        {
            (await pipeline.ProcessAsync(Encoding.UTF8.GetBytes(json), CancellationToken.None)).Should().BeOfType<Decided>();
        }

        return ids;
    }
}
