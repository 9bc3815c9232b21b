using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using LoginGuard.Contracts;
using LoginGuard.Enrichment;
using LoginGuard.Feedback;
using LoginGuard.IntegrationTests.Infrastructure;
using LoginGuard.Kafka;
using LoginGuard.Pipeline;
using LoginGuard.State;
using LoginGuard.Testing.Hosting;
using LoginGuard.Testing.Kafka;
using LoginGuard.Worker.Api;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LoginGuard.IntegrationTests.Api;

/// <summary>
/// The worker's pipeline with its HTTP API, answering in memory unless a test needs a socket, state in a test's
/// redis-server under a key prefix of its own, mail in a pickup folder. Events go straight into the pipeline (no Kafka here).
/// </summary>
internal sealed class ApiWorker : IAsyncDisposable
{
    public const string Key = "test-api-key-0123456789-abcdefghijklmnop";

    public const string ReviewUrl = "https://learnwell.example/account/security/review";

    private readonly IHost host;
    private readonly Func<HttpClient> newClient;

    private ApiWorker(IHost host, Func<HttpClient> newClient, string pickup)
    {
        this.host = host;
        this.newClient = newClient;
        Pickup = pickup;
        Prefix = RedisConnection.ReadOptions(host.Services.GetRequiredService<IConfiguration>()).KeyPrefix;
        Client = newClient();
        Client.DefaultRequestHeaders.Add(ApiKey.Header, Key);
    }

    /// <summary>Sends the API key on every request.</summary>
    public HttpClient Client { get; }

    /// <summary>The key prefix the worker writes under: SCAN with it finds only what this worker left.</summary>
    public string Prefix { get; }

    /// <summary>Where the worker writes the mail it sends.</summary>
    public string Pickup { get; }

    public IServiceProvider Services => host.Services;

    /// <param name="decisions">With Kafka, learners' feedback is taken, and compromises are published to this cluster and topic.</param>
    /// <param name="settings">A test's own settings, over the ones every API test shares.</param>
    /// <param name="onLoopback">
    /// Listen on a free loopback port as <c>run</c> does, for a test about what crosses a socket; otherwise the API
    /// answers in memory.
    /// </param>
    /// <param name="services">Registrations of a test's own, over the worker's, such as a store of learner data that struggles.</param>
    public static async Task<ApiWorker> StartAsync(
        RedisServer redis,
        ILoggerProvider? log = null,
        (KafkaMockCluster Cluster, string Topic)? decisions = null,
        Func<WorkerSettings, WorkerSettings>? settings = null,
        bool onLoopback = false,
        Action<IServiceCollection>? services = null)
    {
        var pickup = Directory.CreateTempSubdirectory("loginguard-api-").FullName;
        var worker = new WorkerSettings()
            .Redis(redis.Configuration, RedisFixture.NewPrefix())
            .MailTo(pickup)
            .ApiKey("ops", Key, [.. ApiScopes.All]);
        if (decisions is { } kafka)
        {
            worker = worker.Kafka(kafka.Cluster.BootstrapServers).With("Kafka:DecisionsTopic", kafka.Topic).Feedback(ReviewUrl);
        }

        var url = onLoopback ? $"http://127.0.0.1:{FreePort.Next()}" : null;
        if (url is not null)
        {
            worker = worker.With("Api:Url", url);
        }

        worker = settings?.Invoke(worker) ?? worker;
        if (log is not null)
        {
            worker = worker.LogEverythingTo(log);
        }

        var builder = worker.CreateApiBuilder(decisions is null ? null : AnswerFeedback);
        services?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        // On a socket when this test or the caller's settings chose an address (TLS is tested that way).
        var listening = host.Services.GetRequiredService<IConfiguration>()["Api:Url"];
        Func<HttpClient> newClient = host.Services.GetRequiredService<IServer>() is TestServer server
            ? server.CreateClient
            : () => new HttpClient { BaseAddress = new Uri(listening!) };
        return new ApiWorker(host, newClient, pickup);
    }

    /// <summary>A client that sends no key.</summary>
    public HttpClient ClientWithout() => newClient();

    public async Task<Decision> ProcessAsync(string json)
    {
        var outcome = await host.Services.GetRequiredService<LoginPipeline>().ProcessAsync(Encoding.UTF8.GetBytes(json), CancellationToken.None);
        return outcome.Should().BeOfType<Decided>().Subject.Decision;
    }

    /// <summary>The keyed hash the learner's keys are filed under.</summary>
    public string LearnerKey(string userId) => host.Services.GetRequiredService<StateKeyMaker>().Learner(userId);

    public static string At(TimeSpan ago) =>
        (DateTimeOffset.UtcNow - ago).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static MediaTypeHeaderValue? ContentType(HttpResponseMessage response) => response.Content.Headers.ContentType;

    /// <summary>As if the process died: nothing is given time to finish.</summary>
    public Task CrashAsync() => host.StopAsync(new CancellationToken(canceled: true));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await host.StopAsync();
        host.Dispose();
        Directory.Delete(Pickup, recursive: true);
    }

    private static void AnswerFeedback(IServiceCollection services) => services.AddKafkaIngestion().AddFeedbackAnswers();
}
