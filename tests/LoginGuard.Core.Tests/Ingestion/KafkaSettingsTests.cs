using Confluent.Kafka;
using FluentAssertions;
using LoginGuard.Ingestion.Kafka;

namespace LoginGuard.Core.Tests.Ingestion;

public sealed class KafkaSettingsTests
{
    [Fact]
    public void A_decision_waits_for_the_cluster_however_long_it_is_down_rather_than_being_sent_twice()
    {
        var producer = KafkaClientConfig.Producer(Options());

        producer.MessageTimeoutMs.Should().Be(0, "0 is librdkafka's 'never expire'");
        producer.EnableIdempotence.Should().BeTrue();
        producer.Acks.Should().Be(Acks.All);
    }

    [Theory]
    [InlineData("message.timeout.ms")]
    [InlineData("delivery.timeout.ms")]
    [InlineData("enable.idempotence")]
    [InlineData("acks")]
    public void A_producer_setting_that_decides_whether_a_decision_can_be_lost_or_doubled_is_refused_with_the_reason(string key)
    {
        var options = Options();
        options.Producer[key] = "1";

        var result = new KafkaOptionsValidator().Validate(null, options);

        result.Failed.Should().BeTrue();
        result.Failures.Should().ContainSingle().Which.Should().StartWith($"Kafka:Producer:{key} cannot be set (was \"1\"): ").And.EndWith("; remove it.");
    }

    [Fact]
    public void Other_producer_settings_pass_through_to_librdkafka()
    {
        var options = Options();
        options.Producer["linger.ms"] = "20";

        new KafkaOptionsValidator().Validate(null, options).Succeeded.Should().BeTrue();
        KafkaClientConfig.Producer(options).LingerMs.Should().Be(20);
    }

    private static KafkaOptions Options() => new() { BootstrapServers = "kafka-1:9092" };
}
