using LoginGuard.Contracts;
using static LoginGuard.Core.Tests.Alerts.AlertFixtures;

namespace LoginGuard.Core.Tests.Alerts;

public sealed class AlertContentTests
{
    [Fact]
    public void Greets_the_learner_by_name_and_names_the_device_time_and_place()
    {
        var message = Build(Alert(AlertKind.NewDevice));

        message.Subject.Should().Be("New sign-in to your Learnwell account");
        message.TextBody.Should().StartWith("Hello Camille Martin,")
            .And.Contain("from a device we have not seen before")
            .And.Contain("Device: Chrome 131 on Windows")
            .And.Contain("(Europe/Paris)")
            .And.Contain("Approximate location: Lyon, France")
            .And.Contain("IP address: 203.0.113.x");
    }

    [Fact]
    public void Says_the_password_was_changed_and_how_to_set_a_new_one_without_a_link_to_a_login_form()
    {
        var message = Build(Alert(AlertKind.PasswordChanged));

        message.Subject.Should().Be("Your Learnwell password was changed");
        message.TextBody.Should().Contain("The password of your Learnwell account was changed.")
            .And.Contain("type the address below into your browser yourself")
            .And.Contain("\"Forgot password\"");
    }

    [Fact]
    public void Says_two_step_verification_was_turned_off_and_how_to_turn_it_back_on()
    {
        var message = Build(Alert(AlertKind.MfaDisabled));

        message.Subject.Should().Be("Two-step verification was turned off for your Learnwell account");
        message.TextBody.Should().Contain("turn two-step verification back on");
    }

    [Fact]
    public void Tells_the_new_address_that_the_account_now_uses_it()
    {
        var message = Build(Alert(AlertKind.EmailChanged));

        message.Subject.Should().Be("The email address of your Learnwell account was changed");
        message.TextBody.Should().Contain("was changed to this address.");
    }

    [Fact]
    public void Tells_the_old_address_which_partly_masked_address_the_account_moved_to()
    {
        var message = Build(Alert(AlertKind.EmailChanged, email: "newowner@mail.example", recipient: "camille.old@example.org"));

        message.To.Mailboxes.Should().ContainSingle(m => m.Address == "camille.old@example.org");
        message.TextBody.Should().Contain("was changed to n***@mail.example.")
            .And.Contain("put your own email address back")
            .And.NotContain("newowner@");
    }

    [Theory]
    [MemberData(nameof(EveryShape))]
    public void Every_mail_names_the_account_it_is_about_before_what_happened_to_it(string shape)
    {
        var text = Build(Shape(shape)).TextBody;

        text.Should().Contain("Account: c***@example.com");
        text.IndexOf("Account:", StringComparison.Ordinal).Should().BeLessThan(text.IndexOf("If ", StringComparison.Ordinal));
    }

    public static TheoryData<string> EveryShape() => [.. Shapes];

    [Fact]
    public void Names_the_account_to_the_old_address_by_that_old_address_the_learner_knows_it_by()
    {
        var message = Build(Alert(AlertKind.EmailChanged, email: "newowner@mail.example", recipient: "camille.old@example.org"));

        message.TextBody.Should().Contain("Account: c***@example.org");
    }

    [Fact]
    public void Says_there_is_nothing_to_do_if_it_was_the_learner()
    {
        Build(Alert()).TextBody.Should().Contain("If this was you, there is nothing to do.");
    }

    [Fact]
    public void Greets_without_a_name_when_the_platform_has_none()
    {
        var message = Build(Alert(displayName: null));

        message.TextBody.Should().StartWith("Hello,");
        message.To.Mailboxes.Should().ContainSingle(m => m.Name == "" && m.Address == LearnerEmail);
    }

    [Fact]
    public void Names_UTC_when_the_learners_time_zone_is_unknown()
    {
        var message = Build(Alert(geo: GeoLocation.None, learnerZone: null));

        message.TextBody.Should().Contain("(UTC)").And.NotContain("Approximate location");
    }

    [Fact]
    public void Names_only_the_country_when_the_city_is_unknown()
    {
        var message = Build(Alert(geo: new GeoLocation(CountryIso: "FR", CountryName: "France")));

        message.TextBody.Should().Contain("Approximate location: France");
    }

    [Fact]
    public void Never_shows_coordinates()
    {
        var everything = Everything(Build(Alert()));

        everything.Should().NotContain("45.75").And.NotContain("4.83").And.NotContain("20 km");
    }

    [Fact]
    public void Leaves_the_device_out_when_its_description_is_blank()
    {
        var device = Chrome with { Description = " " };

        Build(Alert(device: device)).TextBody.Should().NotContain("Device:");
    }
}
