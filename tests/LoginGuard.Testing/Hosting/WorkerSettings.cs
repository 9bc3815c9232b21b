using System.Collections.Immutable;
using System.Globalization;
using LoginGuard.Testing.Kafka;
using LoginGuard.Worker.Hosting;
using Microsoft.Extensions.Logging;

namespace LoginGuard.Testing.Hosting;

/// <summary>
/// The configuration of every worker a test starts, in process or in a process of its own: what all of them share,
/// then what a test says of its own worker, one method per concern. Each method returns new settings, so a fixture
/// can keep a base that each test starts from. The hosts are built over them by the worker's own builders
/// (<c>WorkerSettings.Hosts.cs</c>).
/// </summary>
/// <remarks>
/// Every setting is an override: it wins over appsettings.json, the rules file and the machine's environment, so a
/// developer's exported <c>GeoIp__…</c> or <c>Logging__…</c> cannot change what a test sees. (The commands pass the
/// sample geo databases as defaults instead, so that an operator's own win there.)
/// </remarks>
internal sealed partial class WorkerSettings
{
    private static readonly ImmutableDictionary<string, string?> Shared = ImmutableDictionary.Create<string, string?>(StringComparer.OrdinalIgnoreCase)
        .SetItems(new Dictionary<string, string?>
        {
            // Real lookups without MaxMind's databases, which may not be committed: places and networks in mail and state.
            ["GeoIp:CityDatabasePath"] = SampleData.Find("geoip/sample-city.mmdb"),
            ["GeoIp:AsnDatabasePath"] = SampleData.Find("geoip/sample-asn.mmdb"),

            // A passing run's output stays short; a test that reads logs raises the level it needs.
            ["Logging:LogLevel:Default"] = "Warning",
        });

    private readonly ImmutableDictionary<string, string?> values;
    private readonly Capture? capture;

    public WorkerSettings()
        : this(Shared, null)
    {
    }

    private WorkerSettings(ImmutableDictionary<string, string?> values, Capture? capture)
    {
        this.values = values;
        this.capture = capture;
    }

    public WorkerSettings With(string key, string? value) => new(values.SetItem(key, value), capture);

    /// <summary>A test's own settings over these (a rule's threshold, a shorter lease); null changes nothing.</summary>
    public WorkerSettings With(IReadOnlyDictionary<string, string?>? settings) => settings is null ? this : new(values.SetItems(settings), capture);

    /// <summary>Every store in the process (<c>AddInMemoryBackend</c>).</summary>
    public WorkerSettings InMemory() => With("Redis:Configuration", "");

    /// <summary>Every store in Redis, under a key prefix of the test's own, so tests that share a server never meet.</summary>
    public WorkerSettings Redis(string configuration, string keyPrefix) =>
        With("Redis:Configuration", configuration).With("Redis:KeyPrefix", keyPrefix);

    /// <summary>
    /// Kafka at these brokers, with clients tuned for a test: a fetch waits 5 ms rather than 500 and a produce lingers
    /// 1 ms, so an event crosses the mock cluster in milliseconds.
    /// </summary>
    public WorkerSettings Kafka(string bootstrapServers) =>
        With("Kafka:BootstrapServers", bootstrapServers).With("Kafka:Consumer:fetch.wait.max.ms", "5").With("Kafka:Producer:linger.ms", "1");

    /// <summary>The worker consumes, publishes, dead-letters and parks on a test's own topics, in a group of its own.</summary>
    public WorkerSettings Topics(KafkaTopics topics) => With(new Dictionary<string, string?>
    {
        ["Kafka:GroupId"] = topics.Group,
        ["Kafka:EventsTopic"] = topics.Events,
        ["Kafka:DecisionsTopic"] = topics.Decisions,
        ["Kafka:DeadLetterTopic"] = topics.DeadLetters,
        ["Kafka:ParkingTopic"] = topics.Parked,
    });

    /// <summary>Mail written as .eml files to a folder a test reads, with no SMTP server.</summary>
    public WorkerSettings MailTo(string pickupDirectory) =>
        With("Smtp:Host", "").With("Smtp:PickupDirectory", pickupDirectory);

    /// <summary>Mail sent over plain SMTP to a test's own server on loopback, where a mail sent twice arrives twice.</summary>
    public WorkerSettings Smtp(int port) => With(new Dictionary<string, string?>
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Smtp:PickupDirectory"] = "",
    });

    /// <summary>One caller's API key (<c>Api:Keys:&lt;id&gt;</c>) with the scopes it is granted, and its rate when not the default.</summary>
    public WorkerSettings ApiKey(string id, string secret, IReadOnlyList<string> scopes, int? permitsPerMinute = null)
    {
        var settings = With($"Api:Keys:{id}:Secret", secret);
        for (var i = 0; i < scopes.Count; i++)
        {
            settings = settings.With($"Api:Keys:{id}:Scopes:{i}", scopes[i]);
        }

        return permitsPerMinute is { } permits ? settings.With($"Api:Keys:{id}:PermitsPerMinute", permits.ToString(CultureInfo.InvariantCulture)) : settings;
    }

    /// <summary>"Was this you?" links in mail, to this review page, their tokens sealed with a fixed test key.</summary>
    public WorkerSettings Feedback(string reviewUrl) =>
        With("Feedback:TokenKey", Convert.ToBase64String([.. Enumerable.Range(0, 32).Select(i => (byte)i)])).With("Feedback:ReviewUrl", reviewUrl);

    /// <summary>The test's provider gets what the configured levels let through, beside the console.</summary>
    public WorkerSettings LogTo(ILoggerProvider provider) => new(values, new Capture(provider, Everything: false));

    /// <summary>Every line of every category, to the test's provider alone: for a test that searches all a worker logs.</summary>
    public WorkerSettings LogEverythingTo(ILoggerProvider provider) =>
        // Configured levels win over SetMinimumLevel, so the configuration must say Trace too.
        new(values.SetItem("Logging:LogLevel:Default", "Trace").SetItem("Logging:LogLevel:Microsoft", "Trace"), new Capture(provider, Everything: true));

    /// <summary>For a worker in a process of its own: each setting as the environment variable that sets it.</summary>
    public IReadOnlyDictionary<string, string?> AsEnvironment() =>
        values.ToDictionary(setting => setting.Key.Replace(":", "__", StringComparison.Ordinal), setting => setting.Value);

    private sealed record Capture(ILoggerProvider Provider, bool Everything);
}
