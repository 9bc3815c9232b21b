using LoginGuard.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LoginGuard.Alerts;

internal static class AlertsServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <c>Alerts</c>, <c>Alerts:Outbox</c>, <c>Alerts:Throttle</c>, <c>Alerts:SuspiciousActivity</c> and <c>Smtp</c> at start-up,
    /// and adds the outbox and its dispatcher. Mail goes through <c>Smtp:Host</c>, or to <c>Smtp:PickupDirectory</c>
    /// when the host is empty; alerts wait in Redis when <c>Redis:Configuration</c> is set, else in this process.
    /// </summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<AlertMailOptions>, AlertMailOptionsValidator>();
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();
        services.AddSingleton<IValidateOptions<AlertOutboxOptions>, AlertDeliveryOptionsValidator>();
        services.AddSingleton<IValidateOptions<AlertThrottleOptions>, AlertDeliveryOptionsValidator>();
        services.AddOptions<AlertMailOptions>().BindConfiguration(AlertMailOptions.SectionName).ValidateOnStart();
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.SectionName).ValidateOnStart();
        services.AddOptions<AlertOutboxOptions>().BindConfiguration(AlertOutboxOptions.SectionName).ValidateOnStart();
        services.AddOptions<AlertThrottleOptions>().BindConfiguration(AlertThrottleOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SuspiciousActivityOptions>, SuspiciousActivityOptionsValidator>();
        services.AddOptions<SuspiciousActivityOptions>().BindConfiguration(SuspiciousActivityOptions.SectionName).ValidateOnStart();
        services.AddSingleton<AlertPolicy>();

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AlertMetrics>();
        services.AddSingleton<AlertMessageBuilder>();
        services.AddSingleton<DkimSigning>();
        services.AddSingleton<IAlertSender>(sp => string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<SmtpOptions>>().Value.Host)
            ? ActivatorUtilities.CreateInstance<PickupFolderAlertSender>(sp)
            : ActivatorUtilities.CreateInstance<SmtpAlertSender>(sp));

        // The outbox shares the state store's multiplexer; whichever stage registers it first wins.
        services.TryAddSingleton<IConnectionMultiplexer>(sp => RedisConnection.Connect(RedisOptionsOf(sp).Configuration!));
        services.TryAddSingleton(sp => new RedisKeys(RedisOptionsOf(sp).KeyPrefix));
        services.AddSingleton<InMemoryOutboxStore>();
        services.AddSingleton<IOutboxStore>(sp => RedisOptionsOf(sp).IsConfigured
            ? ActivatorUtilities.CreateInstance<RedisOutboxStore>(sp)
            : sp.GetRequiredService<InMemoryOutboxStore>());
        services.AddSingleton<AlertDelivery>();
        services.AddSingleton<AlertDispatch>();
        services.AddSingleton<ReviewLinks>();
        services.AddSingleton<IAlertOutbox, AlertOutbox>();
        services.AddHostedService<AlertDispatcher>();
        return services;
    }

    private static RedisOptions RedisOptionsOf(IServiceProvider services) =>
        RedisConnection.ReadOptions(services.GetRequiredService<IConfiguration>());
}
