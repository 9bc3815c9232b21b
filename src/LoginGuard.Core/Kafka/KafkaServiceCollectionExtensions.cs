using LoginGuard.Feedback;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LoginGuard.Kafka;

internal static class KafkaServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates the <c>Kafka</c> section at start-up and adds the consume loop, its lanes' work,
    /// and the one idempotent producer that publishes decisions, learners' compromise reports, dead letters and
    /// parked events.
    /// </summary>
    public static IServiceCollection AddKafkaIngestion(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<KafkaOptions>, KafkaOptionsValidator>();
        services.AddOptions<KafkaOptions>().BindConfiguration(KafkaOptions.SectionName).ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<KafkaFault>();
        services.AddMetrics().AddSingleton<KafkaLagMetrics>();
        services.AddSingleton<OffsetResets>();
        services.AddSingleton<OutcomeProducer>();
        services.AddSingleton<KafkaDecisionPublisher>();
        services.AddSingleton<ICompromisePublisher, KafkaCompromisePublisher>();
        services.AddSingleton<SourceCopyProducer>();
        services.AddSingleton<DeadLetterPublisher>();
        services.AddSingleton<ParkingPublisher>();
        services.AddSingleton<ConsumedEventProcessor>();
        services.AddSingleton<EventConsumerLoop>();
        return services;
    }
}
