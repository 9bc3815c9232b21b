using LoginGuard.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LoginGuard.Feedback;

internal static class FeedbackServiceCollectionExtensions
{
    /// <summary>
    /// Tokens for the mail's review link (when <c>Feedback</c> is configured), and with Redis the store of answers
    /// and labels. Taking answers also needs Kafka, to publish a compromise: <see cref="AddFeedbackAnswers"/>.
    /// </summary>
    public static IServiceCollection AddFeedback(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IValidateOptions<FeedbackOptions>, FeedbackOptionsValidator>();
        services.AddOptions<FeedbackOptions>().BindConfiguration(FeedbackOptions.Section).ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<FeedbackTokens>();
        if (RedisConnection.ReadOptions(configuration).IsConfigured)
        {
            services.AddSingleton<RedisFeedbackStore>();
        }

        return services;
    }

    /// <summary>
    /// Where the worker keeps state in Redis, answers can be taken and acted on; a compromise goes out through the
    /// <see cref="ICompromisePublisher"/> the Kafka adapter registers.
    /// </summary>
    public static IServiceCollection AddFeedbackAnswers(this IServiceCollection services, IConfiguration configuration)
    {
        if (!RedisConnection.ReadOptions(configuration).IsConfigured)
        {
            return services;
        }

        return services.AddSingleton<FeedbackService>();
    }
}
