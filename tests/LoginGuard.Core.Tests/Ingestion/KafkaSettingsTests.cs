using Confluent.Kafka;
using LoginGuard.Kafka;

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
    public void A_worker_works_one_lane_per_core_unless_told_otherwise_and_never_fewer_than_two()
    {
        var lanes = new KafkaOptions().Lanes;

        lanes.Should().Be(Math.Max(2, Environment.ProcessorCount));
        lanes.Should().BeGreaterThanOrEqualTo(2, "one lane waiting on Redis would leave every core idle");
    }

    [Fact]
    public void Accepts_other_producer_settings_and_passes_them_to_librdkafka()
    {
        var options = Options();
        options.Producer["linger.ms"] = "20";

        new KafkaOptionsValidator().Validate(null, options).Succeeded.Should().BeTrue();
        KafkaClientConfig.Producer(options).LingerMs.Should().Be(20);
    }

    [Fact]
    public void Rejects_a_parking_topic_that_is_no_topic_name_or_is_another_of_LoginGuards_topics()
    {
        var invalid = Options();
        invalid.ParkingTopic = "parked events";
        var shared = Options();
        shared.ParkingTopic = shared.DeadLetterTopic;

        new KafkaOptionsValidator().Validate(null, invalid).Failures.Should().ContainSingle()
            .Which.Should().StartWith("Kafka:ParkingTopic must be a topic name").And.Contain("\"parked events\"");
        new KafkaOptionsValidator().Validate(null, shared).Failures.Should().ContainSingle()
            .Which.Should().Be("Kafka:DeadLetterTopic and ParkingTopic all name \"auth-events.dlq\"; give each its own topic, or LoginGuard would read its own output.");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(101)]
    public void Rejects_a_number_of_attempts_before_parking_that_would_park_on_the_first_failure_or_hardly_ever(int attempts)
    {
        var options = Options();
        options.ParkAfterAttempts = attempts;

        new KafkaOptionsValidator().Validate(null, options).Failures.Should().ContainSingle()
            .Which.Should().StartWith($"Kafka:ParkAfterAttempts must be between 2 and 100 (was {attempts})");
    }

    [Theory]
    [InlineData("-00:00:00.001")]
    [InlineData("00:00:01.001")]
    public void Rejects_a_batch_delay_that_is_negative_or_would_hold_events_longer_than_a_second(string delay)
    {
        var options = Options();
        options.MaxBatchDelay = TimeSpan.Parse(delay, System.Globalization.CultureInfo.InvariantCulture);

        new KafkaOptionsValidator().Validate(null, options).Failures.Should().ContainSingle()
            .Which.Should().StartWith($"Kafka:MaxBatchDelay must be between 00:00:00 and 00:00:01 (was {options.MaxBatchDelay});");
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:00:00.005")]
    [InlineData("00:00:01")]
    public void Accepts_a_batch_delay_from_none_to_a_second(string delay)
    {
        var options = Options();
        options.MaxBatchDelay = TimeSpan.Parse(delay, System.Globalization.CultureInfo.InvariantCulture);

        new KafkaOptionsValidator().Validate(null, options).Succeeded.Should().BeTrue();
    }

    private static KafkaOptions Options() => new() { BootstrapServers = "kafka-1:9092" };
}
