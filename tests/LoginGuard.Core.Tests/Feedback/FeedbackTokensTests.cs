using LoginGuard.Contracts;
using LoginGuard.Feedback;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LoginGuard.Core.Tests.Feedback;

public sealed class FeedbackTokensTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 5, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider clock = new(Now);

    [Fact]
    public void Opens_a_token_it_sealed_to_the_same_claim()
    {
        var tokens = Tokens(Key(1));
        var claim = Claim();

        tokens.Open(tokens.Seal(claim)).Should().Be((claim, (string?)null));
    }

    [Fact]
    public void Hides_the_account_in_the_token()
    {
        // A user id long enough that the sealed bytes cannot hold it by chance, as a short one ("ana") could.
        var claim = Claim() with { UserId = "ana.lopez-1987" };

        var token = Tokens(Key(1)).Seal(claim);

        token.Should().MatchRegex("^1\\.[A-Za-z0-9_-]+$", "a URL path segment: the key id, then the sealed bytes");
        System.Buffers.Text.Base64Url.DecodeFromChars(token.AsSpan(2)).AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(claim.UserId)).Should().Be(-1);
    }

    [Fact]
    public void Rejects_a_token_changed_anywhere_or_sealed_with_another_key()
    {
        var tokens = Tokens(Key(1));
        var token = tokens.Seal(Claim());

        for (var i = 0; i < token.Length; i++)
        {
            var changed = token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];
            tokens.Open(changed).Claim.Should().BeNull($"a change at {i} must not open");
        }

        Tokens(Key(2)).Open(token).Claim.Should().BeNull();
        tokens.Open("not a token!").Claim.Should().BeNull();
    }

    [Fact]
    public void After_a_rotation_opens_links_mailed_under_the_old_key_and_seals_new_ones_with_the_new_key()
    {
        var before = Tokens(Key(1));
        var mailedBefore = before.Seal(Claim());
        var after = new FeedbackTokens(Options.Create(new FeedbackOptions
        {
            TokenKey = Key(2),
            TokenKeyId = "2026-12",
            PreviousTokenKeys = new() { ["1"] = Key(1) },
            ReviewUrl = "https://learnwell.example/review",
            TokenLifetime = TimeSpan.FromDays(1),
        }), clock);

        after.Open(mailedBefore).Claim.Should().Be(Claim(), "the old id still opens what it sealed");
        var mailedAfter = after.Seal(Claim());
        mailedAfter.Should().StartWith("2026-12.");
        after.Open(mailedAfter).Claim.Should().Be(Claim());
        before.Open(mailedAfter).Claim.Should().BeNull("a worker without the new key cannot open it");
        after.Open("1." + mailedAfter["2026-12.".Length..]).Claim.Should().BeNull("the id is bound to the sealed bytes: relabelling breaks the token");
    }

    [Fact]
    public void Rejects_a_token_once_it_has_expired()
    {
        var tokens = Tokens(Key(1));
        var token = tokens.Seal(Claim());

        clock.Advance(TimeSpan.FromDays(1) - TimeSpan.FromSeconds(1));
        tokens.Open(token).Claim.Should().NotBeNull();
        clock.Advance(TimeSpan.FromSeconds(1));
        tokens.Open(token).Should().Be(((FeedbackClaim?)null, "The token has expired."));
    }

    [Fact]
    public void A_sealed_report_opens_after_its_link_expired_and_hides_the_account()
    {
        var tokens = Tokens(Key(1));
        var claim = Claim() with { UserId = "ana.lopez-1987" };
        var report = tokens.SealReport(claim);

        clock.Advance(TimeSpan.FromDays(30));

        tokens.OpenReport(report).Should().Be(claim, "the learner answered while the link was good; Kafka may take the report later");
        System.Buffers.Text.Base64Url.DecodeFromChars(report.AsSpan(2)).AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(claim.UserId)).Should().Be(-1);
    }

    [Fact]
    public void A_sealed_report_never_passes_for_a_link_nor_a_link_for_a_report()
    {
        var tokens = Tokens(Key(1));

        tokens.Open(tokens.SealReport(Claim())).Claim.Should().BeNull("whoever reads Redis must not be able to answer with what waits there");
        tokens.OpenReport(tokens.Seal(Claim())).Should().BeNull();
        Tokens(Key(2)).OpenReport(tokens.SealReport(Claim())).Should().BeNull();
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", "https://learnwell.example/account/security/review")]
    public void Accepts_feedback_off_or_fully_configured(string? key, string? url) =>
        new FeedbackOptionsValidator().Validate(null, new FeedbackOptions { TokenKey = key, ReviewUrl = url }).Succeeded.Should().BeTrue();

    [Theory]
    [InlineData("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", null, "set both TokenKey and ReviewUrl")]
    [InlineData("c2hvcnQ=", "https://learnwell.example/review", "Feedback:TokenKey: must be base64 of exactly 32 bytes")]
    [InlineData("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", "https://learnwell.example/review", "Feedback:TokenKeyId: must be 1 to 16", "a.b")]
    [InlineData("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", "http://learnwell.example/review", "Feedback:ReviewUrl: must be a plain https address")]
    [InlineData("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", "https://learnwell.example/review?u=ana", "Feedback:ReviewUrl: must be a plain https address")]
    public void Rejects_half_a_configuration_a_weak_key_or_a_link_that_does_not_read_plainly(string? key, string? url, string message, string keyId = "1") =>
        new FeedbackOptionsValidator().Validate(null, new FeedbackOptions { TokenKey = key, ReviewUrl = url, TokenKeyId = keyId }).FailureMessage.Should().Contain(message);

    [Fact]
    public void Rejects_report_settings_that_would_lose_or_double_reports_naming_every_key_at_once()
    {
        var options = new FeedbackOptions
        {
            Reports = new ReportRelayOptions
            {
                Retention = TimeSpan.FromDays(365), PollInterval = TimeSpan.FromSeconds(20), Lease = TimeSpan.FromSeconds(30),
                RetryBaseDelay = TimeSpan.FromMinutes(10), RetryMaxDelay = TimeSpan.FromMinutes(1),
            },
        };

        var failures = new FeedbackOptionsValidator().Validate(null, options).Failures;

        failures.Should().BeEquivalentTo(
            "Feedback:Reports:Retention: must be at least 1.00:00:00 and at most Feedback:LabelRetention (180.00:00:00), which keeps the index erasure finds reports by (was 365.00:00:00).",
            "Feedback:Reports:Lease: must be more than three PollIntervals (00:01:00), so a worker renews its lease before it runs out (was 00:00:30).",
            "Feedback:Reports:RetryMaxDelay: must be at least RetryBaseDelay (00:10:00) (was 00:01:00).");
    }

    private FeedbackTokens Tokens(string key) => new(
        Options.Create(new FeedbackOptions { TokenKey = key, ReviewUrl = "https://learnwell.example/review", TokenLifetime = TimeSpan.FromDays(1) }), clock);

    private static FeedbackClaim Claim() =>
        new("ana", "evt-1", AuthEventType.LoginSucceeded, Now.AddMinutes(-5), "device-hash", "alert-1", Now.AddDays(1));

    private static string Key(byte seed) => Convert.ToBase64String([.. Enumerable.Range(0, 32).Select(i => (byte)(i + seed))]);
}
