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
    [InlineData("retries")]
    [InlineData("message.send.max.retries")]
    [InlineData("enable.idempotence")]
    [InlineData("acks")]
    public void Rejects_a_producer_setting_that_decides_whether_a_decision_can_be_lost_or_doubled_and_says_why(string key)
    {
        var options = Options();
        options.Producer[key] = "1";

        var result = new KafkaOptionsValidator().Validate(null, options);

        result.Failed.Should().BeTrue();
        result.Failures.Should().ContainSingle().Which.Should().StartWith($"Kafka:Producer:{key} cannot be set (was \"1\"): ").And.EndWith("; remove it.");
    }

    [Fact]
    public void Accepts_other_producer_settings_and_passes_them_to_librdkafka()
    {
        var options = Options();
        options.Producer["linger.ms"] = "20";

        new KafkaOptionsValidator().Validate(null, options).Succeeded.Should().BeTrue();
        KafkaClientConfig.Producer(options).LingerMs.Should().Be(20);
    }

    private static KafkaOptions Options() => new() { BootstrapServers = "kafka-1:9092" };
}
