using YamlDotNet.Serialization;

namespace LoginGuard.Core.Tests.Deploy;

/// <summary><c>deploy/compose.yaml</c> as data: its services, each with what the compose specification lets it name.</summary>
internal sealed class ComposeFile
{
    private ComposeFile(string directory, Dictionary<string, ComposeService> services)
    {
        Directory = directory;
        Services = services;
    }

    /// <summary>The folder the file's relative paths start from.</summary>
    public string Directory { get; }

    public IReadOnlyDictionary<string, ComposeService> Services { get; }

    public static ComposeFile Load(string path)
    {
        var root = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(File.ReadAllText(path));
        var services = ((Dictionary<object, object>)root["services"])
            .ToDictionary(s => (string)s.Key, s => new ComposeService((string)s.Key, (Dictionary<object, object>)s.Value));
        return new ComposeFile(System.IO.Path.GetDirectoryName(path)!, services);
    }
}

internal sealed class ComposeService(string name, Dictionary<object, object> body)
{
    public string Name { get; } = name;

    public string? Image => body.GetValueOrDefault("image") as string;

    public bool IsBuilt => body.ContainsKey("build");

    /// <summary>The environment as the container gets it when the caller sets no variables: <c>${VAR:-default}</c> is its default.</summary>
    public IReadOnlyDictionary<string, string> Environment =>
        RawEnvironment.ToDictionary(e => e.Key, e => System.Text.RegularExpressions.Regex.Replace(e.Value, @"\$\{[A-Za-z_][A-Za-z0-9_]*:-([^}]*)\}", "$1"));

    /// <summary>The environment as written, interpolations and all.</summary>
    public IReadOnlyDictionary<string, string> RawEnvironment =>
        body.GetValueOrDefault("environment") is Dictionary<object, object> environment
            ? environment.ToDictionary(e => (string)e.Key, e => (string)e.Value)
            : [];

    /// <summary>Service name → condition (<c>service_healthy</c>, <c>service_completed_successfully</c> …).</summary>
    public IReadOnlyDictionary<string, string> DependsOn =>
        body.GetValueOrDefault("depends_on") is Dictionary<object, object> dependencies
            ? dependencies.ToDictionary(d => (string)d.Key, d => (string)((Dictionary<object, object>)d.Value)["condition"])
            : [];

    public IReadOnlyList<string> Command => Strings("command");

    public IReadOnlyList<string> Entrypoint => Strings("entrypoint");

    public IReadOnlyList<string> Ports => Strings("ports");

    public IReadOnlyList<string> Healthcheck =>
        body.GetValueOrDefault("healthcheck") is Dictionary<object, object> check && check["test"] is List<object> test
            ? [.. test.Cast<string>()]
            : [];

    /// <summary>Container path → host path as written (relative to the compose file).</summary>
    public IReadOnlyDictionary<string, string> Volumes =>
        Strings("volumes").Select(v => v.Split(':')).ToDictionary(parts => parts[1], parts => parts[0]);

    private List<string> Strings(string key) =>
        body.GetValueOrDefault(key) is List<object> list ? [.. list.Cast<string>()] : [];
}
