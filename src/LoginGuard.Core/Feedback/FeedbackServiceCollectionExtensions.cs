using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LoginGuard.Feedback;

internal static class FeedbackServiceCollectionExtensions
{
    /// <summary>
    /// Tokens for the mail's review link (when <c>Feedback</c> is configured). The store of answers and labels is the
    /// Redis backend's; taking answers also needs Kafka, to publish a compromise: <see cref="AddFeedbackAnswers"/>.
    /// </summary>
    public static IServiceCollection AddFeedback(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<FeedbackOptions>, FeedbackOptionsValidator>();
        services.AddOptions<FeedbackOptions>().BindConfiguration(FeedbackOptions.Section).ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        return services.AddSingleton<FeedbackTokens>();
    }

    /// <summary>
    /// Where the backend keeps answers (Redis), they can be taken and acted on: a "wasn't me" is kept as a report, which
    /// <see cref="CompromiseReportRelay"/> publishes through the <see cref="ICompromisePublisher"/> the Kafka adapter registers.
    /// </summary>
    public static IServiceCollection AddFeedbackAnswers(this IServiceCollection services)
    {
        if (!services.Any(service => service.ServiceType == typeof(RedisFeedbackStore)))
        {
            return services;
        }

        services.AddMetrics();
        services.AddSingleton<FeedbackMetrics>();
        services.AddSingleton<ReportSignal>();
        services.AddSingleton<FeedbackService>();
        return services.AddHostedService<CompromiseReportRelay>();
    }
}
