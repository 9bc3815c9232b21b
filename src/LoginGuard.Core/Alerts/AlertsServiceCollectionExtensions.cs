using LoginGuard.Alerts.Content;
using LoginGuard.Alerts.Delivery;
using LoginGuard.Alerts.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LoginGuard.Alerts;

internal static class AlertsServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <c>Alerts</c>, <c>Alerts:Outbox</c>, <c>Alerts:Throttle</c>, <c>Alerts:SuspiciousActivity</c> and <c>Smtp</c> at start-up,
    /// and adds the outbox and its dispatcher. Mail goes through <c>Smtp:Host</c>, or to <c>Smtp:PickupDirectory</c>
    /// when the host is empty. Where alerts wait is the backend's choice (<c>AddBackend</c>).
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

        services.AddSingleton<AlertDelivery>();
        services.AddSingleton<AlertDispatch>();
        services.AddSingleton<ReviewLinks>();
        services.AddSingleton<AlertOutbox>();
        services.TryAddSingleton<IAlertOutbox>(sp => sp.GetRequiredService<AlertOutbox>());
        services.AddHostedService<AlertDispatcher>();
        return services;
    }
}
