using LoginGuard.Contracts;
using LoginGuard.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using MimeKit;

namespace LoginGuard.Core.Tests.Pipeline;

/// <summary>The whole pipeline on embedded defaults, with mail written to a temporary pickup folder.</summary>
internal sealed class PipelineHarness : IDisposable
{
    private readonly ServiceProvider services;
    private readonly string pickup = Directory.CreateTempSubdirectory("loginguard-pipeline-").FullName;

    /// <param name="settings">Configuration on top of the embedded defaults, e.g. the sample geo databases.</param>
    /// <param name="replace">Registrations that replace the defaults', such as a store that plays a race.</param>
    public PipelineHarness(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? replace = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "rules.json"))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Smtp:PickupDirectory"] = pickup,
                ["Smtp:From"] = "Learnwell Security <security@learnwell.example>",
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var collection = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddLoginGuard(configuration);
        replace?.Invoke(collection);
        services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        Pipeline = services.GetRequiredService<LoginPipeline>();
    }

    public LoginPipeline Pipeline { get; }

    public IServiceProvider Services => services;

    public IReadOnlyList<MimeMessage> Mail => Directory.EnumerateFiles(pickup, "*.eml").Select(path => MimeMessage.Load(path)).ToList();

    public async Task<PipelineOutcome> SendAsync(string json) =>
        await Pipeline.ProcessAsync(System.Text.Encoding.UTF8.GetBytes(json), CancellationToken.None);

    /// <summary>Decides the event and publishes its decision, as the worker does once the cluster has it.</summary>
    public async Task<Decision> DecideAsync(string json)
    {
        var decided = (await SendAsync(json)).Should().BeOfType<Decided>().Subject;
        if (decided.Publication is { } publication)
        {
            await Pipeline.PublishedAsync([publication], CancellationToken.None);
        }

        return decided.Decision;
    }

    public void Dispose()
    {
        services.Dispose();
        Directory.Delete(pickup, recursive: true);
    }
}
