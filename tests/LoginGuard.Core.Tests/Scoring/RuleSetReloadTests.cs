using System.Diagnostics.Metrics;
using LoginGuard.Scoring;
using LoginGuard.Core.Tests.Privacy;
using Microsoft.Extensions.Options;
using static LoginGuard.Core.Tests.Scoring.ScoringFixture;

namespace LoginGuard.Core.Tests.Scoring;

public sealed class RuleSetReloadTests
{
    [Fact]
    public void A_bad_edit_is_rejected_with_every_error_logged_and_the_last_good_rules_keep_running_until_it_is_fixed()
    {
        var configuration = Configuration(NewDeviceOnly);
        var logger = new TestLogger<RuleSetSource>();
        var meters = MeterFactory();
        var reloads = new List<string>();
        using var listener = Listen(meters, reloads);
        using var source = Source(configuration, logger, meters);
        var good = source.Current.Version;

        configuration["Scoring:Rules:new-device:Weight"] = "1.5";
        configuration["Scoring:Rules:new-device:Kind"] = "NewDevise";
        configuration.Reload();

        source.Current.Version.Should().Be(good);
        source.Status.Version.Should().Be(good);
        source.Status.LastReloadOutcome.Should().Be(ReloadOutcome.Rejected);
        source.Status.LastReloadErrors.Should().HaveCount(2);
        logger.Entries.Select(e => e.Message).Should().Contain(m => m.Contains("Weight must be between 0 and 1 (was 1.5)", StringComparison.Ordinal))
            .And.Contain(m => m.Contains("Kind 'NewDevise' is not known", StringComparison.Ordinal));

        configuration["Scoring:Rules:new-device:Weight"] = "0.6";
        configuration["Scoring:Rules:new-device:Kind"] = "NewDevice";
        configuration.Reload();

        source.Current.Version.Should().NotBe(good);
        source.Status.Should().BeEquivalentTo(new { source.Current.Version, LastReloadOutcome = ReloadOutcome.Accepted, LastReloadErrors = Array.Empty<string>() });
        reloads.Should().Equal("loaded", "rejected", "accepted");
    }

    [Fact]
    public void A_bad_rules_file_at_start_up_stops_the_worker_with_every_error()
    {
        var configuration = Configuration(Rule("spray-per-ip", ("Kind", "DistinctLearnersFailing"), ("GroupBy", "Address"), ("Window", "00:10:00"), ("Threshold", "0"), ("Weight", "2")));

        var start = () => Source(configuration);

        start.Should().Throw<OptionsValidationException>().Which.Failures.Should().BeEquivalentTo(
            "Scoring:Rules:spray-per-ip: Weight must be between 0 and 1 (was 2).",
            "Scoring:Rules:spray-per-ip: Threshold must be at least 2 (was 0).");
    }

    private static MeterListener Listen(IMeterFactory meters, List<string> outcomes)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                // Only this test's meter: other tests score in parallel.
                if (ReferenceEquals(instrument.Meter.Scope, meters) && instrument.Meter.Name == ScoringMetrics.MeterName && instrument.Name.EndsWith("reloads", StringComparison.Ordinal))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                outcomes.Add((string)tag.Value!);
            }
        });
        listener.Start();
        return listener;
    }
}
