using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LoginGuard.Alerts;

internal static class AlertsServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates the <c>Alerts</c> and <c>Smtp</c> sections at start-up and adds the message builder.
    /// Mail is written to the pickup folder and sent as soon as it is queued.
    /// </summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<AlertMailOptions>, AlertMailOptionsValidator>();
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();
        services.AddOptions<AlertMailOptions>().BindConfiguration(AlertMailOptions.SectionName).ValidateOnStart();
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.SectionName).ValidateOnStart();
        services.AddSingleton<AlertMessageBuilder>();
        services.AddSingleton<IAlertSender, PickupFolderAlertSender>();
        services.AddSingleton<IAlertOutbox, ImmediateAlertOutbox>();
        return services;
    }
}
