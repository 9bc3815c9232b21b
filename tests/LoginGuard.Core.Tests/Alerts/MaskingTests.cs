using System.Net;
using LoginGuard.Contracts;
using static LoginGuard.Core.Tests.Alerts.AlertFixtures;

namespace LoginGuard.Core.Tests.Alerts;

public sealed class MaskingTests
{
    [Theory]
    [InlineData("203.0.113.42", "203.0.113.x")]
    [InlineData("::ffff:198.51.100.7", "198.51.100.x")]
    [InlineData("2001:db8:85a3:8d3:1319:8a2e:370:7348", "2001:db8:85a3:x:x:x:x:x")]
    [InlineData("2001:db8::1", "2001:db8:0:x:x:x:x:x")]
    public void Shows_the_network_an_address_came_from_but_not_the_address(string ip, string shown)
    {
        Masking.Ip(IPAddress.Parse(ip)).Should().Be(shown);
    }

    /// <summary>An alert keeps only the network (<see cref="MailedEvent"/>), so the mail must read the same from it.</summary>
    [Theory]
    [InlineData("203.0.113.42")]
    [InlineData("::ffff:198.51.100.7")]
    [InlineData("2001:db8:85a3:8d3:1319:8a2e:370:7348")]
    [InlineData("2001:db8::1")]
    [InlineData("fe80::1ff:fe23:4567:890a%3")]
    [InlineData("0.0.0.0")]
    public void Shows_the_same_network_from_the_address_cut_to_it_as_from_the_whole_address(string ip)
    {
        var address = IPAddress.Parse(ip);

        Masking.Ip(Masking.Network(address)).Should().Be(Masking.Ip(address));
        Masking.Network(Masking.Network(address)).Should().Be(Masking.Network(address), "cutting twice cuts nothing more");
    }

    [Fact]
    public void An_alert_carries_only_the_network_its_mail_shows()
    {
        var alert = Alert(ip: "203.0.113.42");

        alert.Event.Network.Should().Be(IPAddress.Parse("203.0.113.0"));
        (alert.Event with { EventId = "evt-0002" }).Network.Should().Be(IPAddress.Parse("203.0.113.0"));
    }

    [Fact]
    public void The_learner_sees_a_partly_masked_IPv6_address()
    {
        var text = Build(Alert(ip: "2001:db8:85a3:8d3:1319:8a2e:370:7348")).TextBody;

        text.Should().Contain("IP address: 2001:db8:85a3:x:x:x:x:x").And.NotContain("7348");
    }

    [Theory]
    [InlineData("jane.doe@example.com", "j***@example.com")]
    [InlineData("a@b.example", "a***@b.example")]
    [InlineData("not-an-address", "***")]
    public void Shows_whose_mailbox_an_address_is_without_spelling_it_out(string address, string shown)
    {
        Masking.Email(address).Should().Be(shown);
    }

    [Fact]
    public void The_old_address_sees_the_domain_of_even_a_very_long_new_address()
    {
        var alert = Alert(AlertKind.EmailChanged, email: new string('n', 90) + "@mail.example", recipient: "old@example.org");

        Build(alert).TextBody.Should().Contain("changed to n***@mail.example.");
    }
}
