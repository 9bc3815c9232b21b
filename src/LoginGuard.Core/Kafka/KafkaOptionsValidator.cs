using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace LoginGuard.Kafka;

/// <summary>
/// Checks the <c>Kafka</c> section at start-up; every message names the key, quotes the value and says
/// what to write instead, and every error is reported at once.
/// </summary>
internal sealed partial class KafkaOptionsValidator : IValidateOptions<KafkaOptions>
{
    private const string Section = KafkaOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, KafkaOptions options)
    {
        var errors = new List<string>();
        ValidateBootstrapServers(options.BootstrapServers, errors);
        if (string.IsNullOrWhiteSpace(options.GroupId))
        {
            errors.Add($"{Section}:GroupId must not be empty (was {ConfigText.Quote(options.GroupId)}); every LoginGuard instance joins this group, e.g. \"loginguard\".");
        }

        ValidateTopics(options, errors);
        if (!Enum.IsDefined(options.GroupProtocol))
        {
            errors.Add($"{Section}:GroupProtocol must be Classic or Consumer (was {(int)options.GroupProtocol}).");
        }

        ValidateLanes(options, errors);
        ValidateTimings(options, errors);
        ValidatePassthrough("Consumer", options.Consumer, KafkaClientConfig.ForcedConsumerKeys, errors);
        ValidatePassthrough("Producer", options.Producer, KafkaClientConfig.ForcedProducerKeys, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateBootstrapServers(string? servers, List<string> errors)
    {
        var entries = (servers ?? "").Split(',', StringSplitOptions.TrimEntries);
        if (string.IsNullOrWhiteSpace(servers) || !entries.All(entry => HostPort().IsMatch(entry)))
        {
            errors.Add($"{Section}:BootstrapServers must list host:port pairs such as \"kafka-1:9092,kafka-2:9092\" (was {ConfigText.Quote(servers)}); set it in configuration or as Kafka__BootstrapServers.");
        }
    }

    private static void ValidateTopics(KafkaOptions options, List<string> errors)
    {
        var topics = new[]
        {
            ("EventsTopic", options.EventsTopic), ("DecisionsTopic", options.DecisionsTopic), ("DeadLetterTopic", options.DeadLetterTopic),
            ("ParkingTopic", options.ParkingTopic),
        };
        foreach (var (key, topic) in topics)
        {
            if (topic is null || !TopicName().IsMatch(topic) || topic is "." or "..")
            {
                errors.Add($"{Section}:{key} must be a topic name of 1–249 letters, digits, '.', '_' or '-' (was {ConfigText.Quote(topic)}).");
            }
        }

        foreach (var group in topics.GroupBy(t => t.Item2, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"{Section}:{string.Join(" and ", group.Select(t => t.Item1))} all name {ConfigText.Quote(group.Key)}; give each its own topic, or LoginGuard would read its own output.");
        }
    }

    private static void ValidateLanes(KafkaOptions options, List<string> errors)
    {
        if (options.Lanes is < 1 or > 1024)
        {
            errors.Add($"{Section}:Lanes must be between 1 and 1024 (was {options.Lanes}); leave it out for one per core, at least two.");
        }

        if (options.MaxBatch is < 1 or > 10_000)
        {
            errors.Add($"{Section}:MaxBatch must be between 1 and 10000 (was {options.MaxBatch}); 500 is the default.");
        }

        if (options.LaneCapacity is < 1 or > 100_000)
        {
            errors.Add($"{Section}:LaneCapacity must be between 1 and 100000 (was {options.LaneCapacity}); 512 is the default.");
        }

        if (options.PauseAfterAttempts is < 1 or > 100)
        {
            errors.Add($"{Section}:PauseAfterAttempts must be between 1 and 100 (was {options.PauseAfterAttempts}); 3 pauses a partition after about a second of failures.");
        }

        if (options.ParkAfterAttempts is < 2 or > 100)
        {
            errors.Add($"{Section}:ParkAfterAttempts must be between 2 and 100 (was {options.ParkAfterAttempts}); 5 parks an event that keeps failing while others go through after about two seconds.");
        }
    }

    private static void ValidateTimings(KafkaOptions options, List<string> errors)
    {
        if (options.RetryBaseDelay <= TimeSpan.Zero || options.RetryBaseDelay > TimeSpan.FromMinutes(1))
        {
            errors.Add($"{Section}:RetryBaseDelay must be more than 0 and at most 00:01:00 (was {options.RetryBaseDelay}); e.g. \"00:00:00.100\".");
        }

        if (options.RetryMaxDelay < options.RetryBaseDelay || options.RetryMaxDelay > TimeSpan.FromMinutes(5))
        {
            errors.Add($"{Section}:RetryMaxDelay must be between RetryBaseDelay ({options.RetryBaseDelay}) and 00:05:00 (was {options.RetryMaxDelay}); e.g. \"00:00:05\".");
        }

        if (options.MaxBatchDelay < TimeSpan.Zero || options.MaxBatchDelay > TimeSpan.FromSeconds(1))
        {
            errors.Add($"{Section}:MaxBatchDelay must be between 00:00:00 and 00:00:01 (was {options.MaxBatchDelay}); every event may wait this long for its batch, e.g. \"00:00:00.005\", or 00:00:00 to start at once.");
        }

        if (options.DrainTimeout <= TimeSpan.Zero || options.DrainTimeout > TimeSpan.FromMinutes(4))
        {
            errors.Add($"{Section}:DrainTimeout must be more than 0 and at most 00:04:00 (was {options.DrainTimeout}), below librdkafka's max.poll.interval.ms; e.g. \"00:00:10\".");
        }
    }

    private static void ValidatePassthrough(string client, Dictionary<string, string> settings, IReadOnlyDictionary<string, string> forced, List<string> errors)
    {
        foreach (var (key, value) in settings)
        {
            if (forced.TryGetValue(key, out var why))
            {
                errors.Add($"{Section}:{client}:{key} cannot be set (was {ConfigText.Quote(value)}): {why}; remove it.");
            }
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9._\-\[\]:]+:[0-9]{1,5}$")]
    private static partial Regex HostPort();

    [GeneratedRegex(@"^[A-Za-z0-9._\-]{1,249}$")]
    private static partial Regex TopicName();
}
