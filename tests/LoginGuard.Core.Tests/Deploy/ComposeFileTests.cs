using System.Reflection;
using System.Text.RegularExpressions;
using LoginGuard.Kafka;
using LoginGuard.Worker.Api;
using LoginGuard.Worker.Commands;
using LoginGuard.Worker.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LoginGuard.Core.Tests.Deploy;

/// <summary>
/// No Docker engine runs here, so <c>deploy/compose.yaml</c> is held to the code instead: what it sets, names,
/// waits for and publishes must be what the worker, its image and the README expect.
/// </summary>
public sealed partial class ComposeFileTests
{
    private const string Worker = "loginguard";

    /// <summary>Read by the .NET runtime itself, not bound to an option.</summary>
    private static readonly string[] RuntimeVariables = ["DOTNET_USE_POLLING_FILE_WATCHER"];

    private static readonly string Repository = Path.GetDirectoryName(Path.GetDirectoryName(SampleData.FindInRepository("deploy/compose.yaml")))!;

    private static readonly ComposeFile Compose = ComposeFile.Load(Path.Combine(Repository, "deploy", "compose.yaml"));

    private static ComposeService LoginGuard => Compose.Services[Worker];

    [Fact]
    public void Every_environment_variable_of_the_worker_binds_to_a_LoginGuard_option()
    {
        var sections = OptionSections();
        var settings = new ConfigurationBuilder().AddInMemoryCollection(Settings()).Build();

        foreach (var key in Settings().Keys)
        {
            var section = sections.Keys.Where(s => key.StartsWith(s + ":", StringComparison.Ordinal)).MaxBy(s => s.Length);
            section.Should().NotBeNull($"{key} should belong to a section LoginGuard reads");
            var bind = () => settings.GetSection(section!).Bind(Activator.CreateInstance(sections[section!]), o => o.ErrorOnUnknownConfiguration = true);
            bind.Should().NotThrow($"{key} should name a property of {sections[section!].Name}");
        }
    }

    [Fact]
    public void The_worker_passes_its_start_up_checks_with_the_compose_settings()
    {
        var settings = Settings().ToDictionary(s => s.Key, s => (string?)(s.Value!.StartsWith('/') ? InRepository(LoginGuard, s.Value) : s.Value));

        // Built from the compose file's settings alone, not over the tests' shared ones (WorkerSettings): what is checked
        // is that they are enough.
        using var host = RunCommand.CreateBuilder(settings).Build();
        var start = () => host.Services.GetRequiredService<IStartupValidator>().Validate();

        start.Should().NotThrow();
    }

    [Fact]
    public void The_hash_key_comes_from_the_environment_of_whoever_starts_compose()
    {
        LoginGuard.RawEnvironment["Privacy__HashKey"].Should().StartWith("${LOGINGUARD_HASH_KEY:-", "run refuses the development key, and a real deployment brings its own secret");
    }

    [Fact]
    public void The_worker_command_is_one_the_executable_accepts()
    {
        var arguments = LoginGuard.Command.Select(a => a.StartsWith('/') ? InRepository(LoginGuard, a) : a).ToArray();

        arguments[0].Should().Be("run");
        RunCommand.Create().Parse(arguments[1..]).Errors.Should().BeEmpty();
    }

    [Fact]
    public void Every_file_a_service_names_is_in_its_image_or_mounted_into_it()
    {
        foreach (var service in Compose.Services.Values)
        {
            foreach (var host in service.Volumes.Values)
            {
                Path.Exists(Path.Combine(Compose.Directory, host)).Should().BeTrue($"{service.Name} mounts {host}");
            }

            var named = service.Environment.Values.Concat(service.Command).Concat(service.Entrypoint)
                .SelectMany(text => FilePath().Matches(text).Select(m => m.Value));
            foreach (var path in named.Where(p => service.IsBuilt || service.Volumes.Keys.Any(mount => p.StartsWith(mount + "/", StringComparison.Ordinal))))
            {
                File.Exists(InRepository(service, path)).Should().BeTrue($"{service.Name} names {path}");
            }
        }
    }

    [Fact]
    public void Every_service_waited_for_exists_and_the_worker_starts_after_the_events_are_published()
    {
        foreach (var (service, dependency) in Compose.Services.Values.SelectMany(s => s.DependsOn.Keys.Select(d => (s.Name, d))))
        {
            Compose.Services.Should().ContainKey(dependency, $"{service} waits for it");
        }

        LoginGuard.DependsOn.Should().Contain("seed", "service_completed_successfully")
            .And.Contain("redis", "service_healthy");
        Compose.Services["seed"].DependsOn.Should().Contain("kafka", "service_healthy");
    }

    [Fact]
    public void The_seed_creates_every_topic_the_worker_reads_and_writes()
    {
        var kafka = new KafkaOptions();
        var script = string.Join(' ', Compose.Services["seed"].Entrypoint);

        foreach (var topic in new[] { kafka.EventsTopic, kafka.DecisionsTopic, kafka.DeadLetterTopic, kafka.ParkingTopic })
        {
            script.Should().MatchRegex($@"for topic in [^;]*\b{Regex.Escape(topic)}( |;)", $"the worker uses {topic}, so the stack creates it rather than leave it to auto-creation");
        }
    }

    [Fact]
    public void Images_are_pinned_and_every_port_is_bound_to_loopback()
    {
        foreach (var service in Compose.Services.Values.Where(s => !s.IsBuilt))
        {
            service.Image.Should().MatchRegex(@":v?\d+(\.\d+)+$", $"{service.Name} should name an exact version");
        }

        Compose.Services.Values.SelectMany(s => s.Ports).Should().NotBeEmpty().And.OnlyContain(p => p.StartsWith("127.0.0.1:", StringComparison.Ordinal));
    }

    [Fact]
    public void The_worker_has_a_health_check_its_image_can_run_with_the_compose_key()
    {
        var check = LoginGuard.Healthcheck;

        check.Should().StartWith(["CMD", "curl"]);
        check.Should().Contain($"X-Api-Key: {LoginGuard.Environment["Api__Keys__laptop__Secret"]}").And.Contain(c => c.EndsWith("/healthz/ready", StringComparison.Ordinal));
        RuntimeStage().Should().Contain(line => line.StartsWith("RUN apt-get", StringComparison.Ordinal) && line.Contains(" curl", StringComparison.Ordinal));
    }

    [Fact]
    public void The_readme_calls_the_ports_and_the_key_the_compose_file_publishes()
    {
        var readme = File.ReadAllText(Path.Combine(Repository, "README.md"));
        var section = readme[readme.IndexOf("## Run it for real", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 3, StringComparison.Ordinal)];
        var published = Compose.Services.Values.SelectMany(s => s.Ports).Select(p => p.Split(':')[1]).ToHashSet();

        foreach (var port in LoopbackPort().Matches(section).Select(m => m.Groups[1].Value))
        {
            published.Should().Contain(port, "the README calls it");
        }

        section.Should().Contain(LoginGuard.Environment["Api__Keys__laptop__Secret"]);
        section.Should().Contain("docker compose -f deploy/compose.yaml up --build");
    }

    [Fact]
    public void The_image_is_built_without_the_hosts_build_output()
    {
        var ignored = File.ReadAllLines(Path.Combine(Repository, ".dockerignore"));

        ignored.Should().Contain(["**/bin/", "**/obj/"]);
    }

    private static Dictionary<string, string?> Settings() =>
        LoginGuard.Environment.Where(e => !RuntimeVariables.Contains(e.Key)).ToDictionary(e => e.Key.Replace("__", ":", StringComparison.Ordinal), e => (string?)e.Value);

    /// <summary>Every options class the worker binds, by the section it binds from.</summary>
    private static Dictionary<string, Type> OptionSections() =>
        new[] { typeof(KafkaOptions).Assembly, typeof(ApiOptions).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal))
            .Select(t => (Type: t, Field: t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) ?? t.GetField("Section", BindingFlags.Public | BindingFlags.Static)))
            .Where(t => t.Field is { IsLiteral: true })
            .ToDictionary(t => (string)t.Field!.GetRawConstantValue()!, t => t.Type);

    /// <summary>Where a path inside a service's container comes from in this repository: a mount, or for the built image a COPY.</summary>
    private static string InRepository(ComposeService service, string path)
    {
        var sources = service.Volumes.Select(v => (Container: v.Key, Host: Path.Combine(Compose.Directory, v.Value)));
        if (service.IsBuilt)
        {
            sources = sources.Concat(ImageCopies());
        }

        var (container, host) = sources.Where(s => path.StartsWith(s.Container.TrimEnd('/') + "/", StringComparison.Ordinal)).MaxBy(s => s.Container.Length);
        container.Should().NotBeNull($"{path} should be mounted into {service.Name} or copied into its image");
        return Path.GetFullPath(Path.Combine(host, path[(container.TrimEnd('/').Length + 1)..]));
    }

    /// <summary>The runtime stage's copies from the build context, as container folder → repository folder.</summary>
    private static IEnumerable<(string Container, string Host)> ImageCopies()
    {
        var workdir = RuntimeStage().Last(line => line.StartsWith("WORKDIR ", StringComparison.Ordinal))["WORKDIR ".Length..];
        return RuntimeStage()
            .Where(line => line.StartsWith("COPY ", StringComparison.Ordinal) && !line.Contains("--from", StringComparison.Ordinal))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(parts => (Path.GetFullPath(Path.Combine(workdir, parts[2])), Path.Combine(Repository, parts[1])));
    }

    /// <summary>The Dockerfile's last stage, an instruction a line (continued lines joined).</summary>
    private static List<string> RuntimeStage() =>
        [.. File.ReadAllText(Path.Combine(Repository, "Dockerfile")).Replace("\\\n", " ", StringComparison.Ordinal).Split('\n')
            .SkipWhile(line => !line.Contains("AS runtime", StringComparison.Ordinal))];

    [GeneratedRegex(@"(?<![\w$])/(?:[\w.-]+/)+[\w.-]+\.\w+")]
    private static partial Regex FilePath();

    [GeneratedRegex(@"(?:127\.0\.0\.1|localhost):(\d+)")]
    private static partial Regex LoopbackPort();
}
