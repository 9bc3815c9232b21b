using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using LoginGuard.Contracts;
using LoginGuard.Enrichment;
using LoginGuard.Feedback;
using LoginGuard.IntegrationTests.Infrastructure;
using LoginGuard.Kafka;
using LoginGuard.Pipeline;
using LoginGuard.Testing.Kafka;
using LoginGuard.Worker.Api;
using LoginGuard.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LoginGuard.IntegrationTests.Api;

/// <summary>
/// The worker's pipeline with its HTTP API on a real loopback port, state in a test's redis-server under a
/// key prefix of its own, mail in a pickup folder. Events go straight into the pipeline (no Kafka here).
/// </summary>
internal sealed class ApiWorker : IAsyncDisposable
{
    public const string Key = "test-api-key-0123456789-abcdefghijklmnop";

    public const string ReviewUrl = "https://learnwell.example/account/security/review";

    private readonly IHost host;
    private readonly string pickup;

    private ApiWorker(IHost host, string pickup, HttpClient client, string prefix)
    {
        this.host = host;
        this.pickup = pickup;
        Client = client;
        Prefix = prefix;
    }

    /// <summary>Sends the API key on every request.</summary>
    public HttpClient Client { get; }

    public string Prefix { get; }

    /// <summary>Where the worker writes the mail it sends.</summary>
    public string Pickup => pickup;

    public IServiceProvider Services => host.Services;

    /// <param name="decisions">With Kafka, learners' feedback is taken, and compromises are published to this cluster and topic.</param>
    /// <param name="extra">Settings of a test's own, over the ones every API test shares.</param>
    /// <param name="services">Registrations of a test's own, such as a store of learner data that struggles.</param>
    public static async Task<ApiWorker> StartAsync(
        RedisServer redis,
        ILoggerProvider? log = null,
        (KafkaMockCluster Cluster, string Topic)? decisions = null,
        IReadOnlyDictionary<string, string?>? extra = null,
        Action<IServiceCollection>? services = null)
    {
        var port = FreePort.Next();
        var prefix = extra?.GetValueOrDefault("Redis:KeyPrefix") ?? $"t{Guid.NewGuid():N}:";
        var pickup = Directory.CreateTempSubdirectory("loginguard-api-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = redis.Configuration,
            ["Redis:KeyPrefix"] = prefix,
            ["Smtp:Host"] = "",
            ["Smtp:PickupDirectory"] = pickup,
            ["Api:Url"] = $"http://127.0.0.1:{port}",
            ["Api:Keys:ops:Secret"] = Key,
            ["Api:Keys:ops:Scopes:0"] = "metrics",
            ["Api:Keys:ops:Scopes:1"] = "feedback",
            ["Api:Keys:ops:Scopes:2"] = "learner:read",
            ["Api:Keys:ops:Scopes:3"] = "learner:erase",
            ["Api:Keys:ops:Scopes:4"] = "decisions:read",
            ["Api:Keys:ops:Scopes:5"] = "audit:read",
            ["Logging:LogLevel:Default"] = log is null ? "Warning" : "Trace",
            ["Logging:LogLevel:Microsoft"] = log is null ? "Warning" : "Trace",
        };
        if (decisions is { } kafka)
        {
            settings["Kafka:BootstrapServers"] = kafka.Cluster.BootstrapServers;
            settings["Kafka:DecisionsTopic"] = kafka.Topic;
            settings["Kafka:Producer:linger.ms"] = "1";
            settings["Feedback:TokenKey"] = Convert.ToBase64String([.. Enumerable.Range(0, 32).Select(i => (byte)i)]);
            settings["Feedback:ReviewUrl"] = ReviewUrl;
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var builder = LoginGuardHost.CreateWebBuilder(
            new Dictionary<string, string?>
            {
                ["GeoIp:CityDatabasePath"] = SampleData.Find("geoip/sample-city.mmdb"),
                ["GeoIp:AsnDatabasePath"] = SampleData.Find("geoip/sample-asn.mmdb"),
            },
            settings);
        if (decisions is not null)
        {
            builder.Services.AddKafkaIngestion();
            builder.Services.AddFeedbackAnswers();
        }

        builder.AddApi();
        services?.Invoke(builder.Services);
        if (log is not null)
        {
            builder.Logging.ClearProviders().AddProvider(log).SetMinimumLevel(LogLevel.Trace);
        }

        var host = builder.Build();
        await host.StartAsync();
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        client.DefaultRequestHeaders.Add(ApiKey.Header, Key);
        return new ApiWorker(host, pickup, client, prefix);
    }

    public HttpClient ClientWithout() => new() { BaseAddress = Client.BaseAddress };

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
        Directory.Delete(pickup, recursive: true);
    }
}
