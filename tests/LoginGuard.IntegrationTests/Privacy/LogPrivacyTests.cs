using System.Text;
using LoginGuard.Ingestion;
using LoginGuard.IntegrationTests.Replay;
using LoginGuard.Pipeline;
using LoginGuard.Testing.Hosting;
using LoginGuard.Testing.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;

namespace LoginGuard.IntegrationTests.Privacy;

public sealed class LogPrivacyTests
{
    [Fact]
    public async Task Logs_of_a_whole_replay_never_contain_an_address_a_user_agent_an_email_or_a_name()
    {
        var capture = new FakeLoggerProvider();
        var outbox = Directory.CreateTempSubdirectory("loginguard-log-privacy-").FullName;
        using (var host = new WorkerSettings().MailTo(outbox).LogEverythingTo(capture).CreateBuilder().Build())
        {
            await host.StartAsync();
            var pipeline = host.Services.GetRequiredService<LoginPipeline>();
            foreach (var line in File.ReadLines(ReplayCommandTests.SampleFile))
            {
                await pipeline.ProcessAsync(Encoding.UTF8.GetBytes(line), CancellationToken.None);
            }

            await host.StopAsync();
        }

        Directory.Delete(outbox, recursive: true);
        var personal = PersonalValues().ToList();
        var lines = capture.Collector.Everything();
        var log = string.Join("\n", lines);

        lines.Should().NotBeEmpty("the replay logs dead letters and redeliveries at least");
        personal.Should().HaveCountGreaterThan(100);
        personal.Where(value => log.Contains(value, StringComparison.OrdinalIgnoreCase)).Should().BeEmpty();
    }

    /// <summary>Every address, user agent, email, previous email and display name in the sample.</summary>
    internal static IEnumerable<string> PersonalValues()
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(ReplayCommandTests.SampleFile))
        {
            if (EventParser.Parse(Encoding.UTF8.GetBytes(line)).Event is not { } e)
            {
                continue;
            }

            values.Add(e.Ip.ToString());
            foreach (var value in new[] { e.UserAgent, e.Email, e.PreviousEmail, e.DisplayName })
            {
                if (value is { Length: > 3 })
                {
                    values.Add(value);
                }
            }
        }

        return values;
    }
}
