using LoginGuard.Alerts;
using LoginGuard.Alerts.Outbox;
using LoginGuard.Contracts;
using static LoginGuard.Core.Tests.Alerts.AlertFixtures;

namespace LoginGuard.Core.Tests.Alerts;

public sealed class StoredAlertTests
{
    /// <summary>
    /// Alerts as the Redis outbox of db2fd88 kept them, before an alert carried a <see cref="MailedEvent"/>: that version's
    /// <c>StoredAlert.Serialize</c> writes exactly these strings (checked by reading each back and writing it again with it).
    /// </summary>
    public static TheoryData<string, string> QueuedByEarlierVersion => new()
    {
        {
            "suspicious-activity, everything known",
            """{"alertId":"9642d696ae18dd24bbc395d9daac883b","kind":"SuspiciousActivity","eventId":"evt-0001","type":"LoginSucceeded","occurredAt":"2024-12-03T13:05:00+00:00","network":"203.0.113.0","recipient":"camille.martin@example.com","email":"camille.martin@example.com","displayName":"Camille Martin","locale":"en","device":"Chrome 131 on Windows","countryIso":"FR","countryName":"France","cityName":"Lyon","timeZone":"Europe/Paris","reviewUrl":"https://learnwell.example/was-this-you/AQIDBAUGBwgJCgsMDQ4PEA","incident":"BruteForce","learnerTimeZone":"Europe/Paris"}"""
        },
        {
            "password-changed, IPv6, nothing optional known",
            """{"alertId":"636e50c08e5691a7fccd1b666020b1e9","kind":"PasswordChanged","eventId":"evt-0002","type":"PasswordChanged","occurredAt":"2024-12-03T13:05:00+00:00","network":"2001:db8:85a3::","recipient":"camille.martin@example.com","email":"camille.martin@example.com","displayName":null,"locale":null,"device":"Chrome 131 on Windows","countryIso":null,"countryName":null,"cityName":null,"timeZone":null,"reviewUrl":null,"incident":null,"learnerTimeZone":null}"""
        },
    };

    public static TheoryData<string> SingleMails => new(Shapes.Where(shape => shape != "Summary"));

    [Theory]
    [MemberData(nameof(SingleMails))]
    public void The_outbox_gives_back_the_very_alert_it_was_given(string shape)
    {
        var alert = Shape(shape) with { ReviewUrl = ReviewUrl };

        StoredAlert.Deserialize(StoredAlert.Serialize(alert)).Should().Be(alert, "an alert holds only what the mail shows, and the outbox keeps all of it");
    }

    [Theory]
    [MemberData(nameof(QueuedByEarlierVersion))]
    public void An_alert_an_earlier_version_queued_is_read_back_and_mailed_the_same(string shape, string stored)
    {
        var expected = ExpectedFor(shape);

        var read = StoredAlert.Deserialize(stored);

        read.Should().Be(expected);
        Build(read).TextBody.Should().Be(Build(expected).TextBody);
        Build(read).HtmlBody.Should().Be(Build(expected).HtmlBody);
        StoredAlert.Serialize(expected).Should().Be(stored, "this version writes what the earlier one reads");
    }

    [Theory]
    [MemberData(nameof(QueuedByEarlierVersion))]
    public void A_summary_an_earlier_version_queued_is_read_back_under_its_id(string shape, string stored)
    {
        var summary = StoredAlert.DeserializeSummary($"[{stored}]", "0123abcd");

        summary.AlertId.Should().Be("0123abcd");
        summary.Summarizes.Should().ContainSingle().Which.Should().Be(ExpectedFor(shape));
    }

    private static Alert ExpectedFor(string shape) => shape.StartsWith("suspicious", StringComparison.Ordinal)
        ? Alert(AlertKind.SuspiciousActivity, incident: Incident.BruteForce) with { ReviewUrl = ReviewUrl }
        : Alert(AlertKind.PasswordChanged, displayName: null, locale: null, geo: GeoLocation.None, ip: "2001:db8:85a3:8d3:1319:8a2e:370:7348", eventId: "evt-0002", learnerZone: null);
}
