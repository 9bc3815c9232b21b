using System.CommandLine;
using LoginGuard.Feedback;
using LoginGuard.Kafka;
using LoginGuard.Pipeline;
using LoginGuard.State;
using LoginGuard.Worker.Api;
using LoginGuard.Worker.Hosting;
using Microsoft.Extensions.Options;

namespace LoginGuard.Worker.Commands;

/// <summary>
/// <c>loginguard run</c>, also what the executable does without a command: consume auth events from Kafka,
/// decide each one, mail learners, publish decisions, until stopped (SIGTERM, Ctrl+C) or a fatal Kafka error.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var rules = RulesFileOption.Create();
        var command = new Command("run", "Consume auth events from Kafka and publish a decision for each (the default).") { rules };
        command.SetAction((parseResult, cancellationToken) => RunAsync(cancellationToken, parseResult.GetRequiredValue(rules).FullName));
        return command;
    }

    /// <param name="rulesFile">The rules file to score with and watch for edits; null for the <c>rules.json</c> beside the binaries.</param>
    public static async Task<int> RunAsync(CancellationToken cancellationToken, string? rulesFile = null)
    {
        using var host = CreateBuilder(new Dictionary<string, string?>(), rulesFile).Build();

        EventConsumerService consumer;
        try
        {
            // Checked here rather than by the host's start, which logs a failed check as a crash with its stack
            // trace: a setting that is missing deserves one line that names it and says how to fix it.
            host.Services.GetRequiredService<IStartupValidator>().Validate();

            // Resolved before running: RunAsync disposes the host's services when it returns, and asking a disposed
            // provider afterwards turned every SIGTERM into an ObjectDisposedException.
            consumer = host.Services.GetRequiredService<EventConsumerService>();
            await host.RunAsync(cancellationToken);
        }
        catch (Exception e) when (ValidationFailures(e) is { Count: > 0 } failures)
        {
            foreach (var failure in failures)
            {
                await Console.Error.WriteLineAsync($"run: {failure}");
            }

            return 2;
        }

        return consumer.Failure is null ? 0 : 1;
    }

    private static List<string> ValidationFailures(Exception e) => e switch
    {
        OptionsValidationException invalid => [.. invalid.Failures],
        AggregateException all when all.InnerExceptions.All(i => i is OptionsValidationException) =>
            [.. all.InnerExceptions.Cast<OptionsValidationException>().SelectMany(i => i.Failures)],
        _ => [],
    };

    /// <summary>The same stages as every command, plus the Kafka consumer and the HTTP API; tests build it with their own overrides.</summary>
    public static WebApplicationBuilder CreateBuilder(IReadOnlyDictionary<string, string?> overrides, string? rulesFile = null)
    {
        var builder = LoginGuardHost.CreateWebBuilder(new Dictionary<string, string?>(), overrides, rulesFile);
        RunRequirements.AddTo(builder.Services);
        builder.Services.AddWallClockEventWindow();
        builder.Services.AddRedisEvictionPolicyCheck(builder.Configuration);
        builder.Services.AddKafkaIngestion();
        builder.Services.AddTracing(builder.Configuration);
        builder.Services.AddSingleton<EventConsumerService>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<EventConsumerService>());
        builder.Services.AddFeedbackAnswers();
        builder.AddApi();
        return builder;
    }
}
