using Confluent.Kafka;
using LoginGuard.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace LoginGuard.Core.Tests.Ingestion;

public sealed class KafkaClientLogTests
{
    [Theory]
    [InlineData(SyslogLevel.Emergency, LogLevel.Error)]
    [InlineData(SyslogLevel.Critical, LogLevel.Error)]
    [InlineData(SyslogLevel.Error, LogLevel.Error)]
    [InlineData(SyslogLevel.Warning, LogLevel.Warning)]
    [InlineData(SyslogLevel.Notice, LogLevel.Information)]
    [InlineData(SyslogLevel.Info, LogLevel.Information)]
    [InlineData(SyslogLevel.Debug, LogLevel.Debug)]
    public void Logs_a_librdkafka_line_at_the_severity_librdkafka_gave_it(SyslogLevel librdkafka, LogLevel expected)
    {
        var logger = new FakeLogger();

        KafkaLog.ClientLog(logger, new LogMessage("loginguard#consumer-1", librdkafka, "OFFSET", "[thrd:main]: auth-events [3]: offset reset"));

        var line = logger.Collector.GetSnapshot().Should().ContainSingle().Subject;
        line.Level.Should().Be(expected);
        line.Message.Should().Be("librdkafka OFFSET: [thrd:main]: auth-events [3]: offset reset");
    }
}
