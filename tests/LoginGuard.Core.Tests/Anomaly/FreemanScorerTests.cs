using System.Net;
using LoginGuard.Contracts;
using LoginGuard.Tools.Evaluation;

namespace LoginGuard.Core.Tests.Anomaly;

public sealed class FreemanScorerTests
{
    private static readonly UserAgentInfo ChromeOnWindows = new("Chrome", 131, "Windows", 10, DeviceType.Desktop);
    private static readonly UserAgentInfo FirefoxOnLinux = new("Firefox", 132, "Linux", null, DeviceType.Desktop);

    [Fact]
    public void A_learner_signing_in_from_where_they_always_do_scores_by_hand_computed_ratios()
    {
        var scorer = TwoLearnersTwiceEach();

        // p(u|A)/p(u|L) = (1/2) / ((2+1)/(4+2)) = 1.
        // IP family: learner share .6·1 + .3·1 + .1·1 = 1; global .6·.5 + .3·.5 + .1·.5 = .5 → ×0.5.
        // UA family: learner share 1; global .539·.5 + .268·.5 + .188·.5 + .005·1 = .5025 → ×0.5025.
        scorer.Score(SignIn("ana", "1.1.1.1", 100, "FR", "chrome", ChromeOnWindows)).Should().BeApproximately(0.5 * 0.5025, 1e-9);
    }

    [Fact]
    public void An_address_network_and_country_the_learner_never_used_contribute_four()
    {
        var scorer = TwoLearnersTwiceEach();

        // Bob's address, network and country are new to Ana at every level: ×4; her browser is as before: ×0.5025.
        scorer.Score(SignIn("ana", "2.2.2.2", 200, "DE", "chrome", ChromeOnWindows)).Should().BeApproximately(4 * 0.5025, 1e-9);
    }

    [Fact]
    public void Failed_sign_ins_build_no_history()
    {
        var scorer = new FreemanScorer();
        scorer.Record(SignIn("ana", "1.1.1.1", 100, "FR", "chrome", ChromeOnWindows, AuthEventType.LoginFailed));

        scorer.Score(SignIn("ana", "1.1.1.1", 100, "FR", "chrome", ChromeOnWindows)).Should().Be(1, "with no successful sign-in anywhere there is nothing to compare with");
    }

    private static FreemanScorer TwoLearnersTwiceEach()
    {
        var scorer = new FreemanScorer();
        for (var i = 0; i < 2; i++)
        {
            scorer.Record(SignIn("ana", "1.1.1.1", 100, "FR", "chrome", ChromeOnWindows));
            scorer.Record(SignIn("bob", "2.2.2.2", 200, "DE", "firefox", FirefoxOnLinux));
        }

        return scorer;
    }

    private static EnrichedEvent SignIn(string user, string ip, long asn, string country, string userAgent, UserAgentInfo agent, AuthEventType type = AuthEventType.LoginSucceeded) => new(
        new AuthEvent($"e-{Guid.NewGuid():N}", type, DateTimeOffset.UnixEpoch, user, IPAddress.Parse(ip), userAgent),
        new DeviceFingerprint(userAgent, userAgent, agent, userAgent, false),
        new GeoLocation(CountryIso: country, Asn: asn),
        new StateKeys(user, ip, "as" + asn));
}
