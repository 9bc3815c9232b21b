using LoginGuard.State;
using LoginGuard.Testing;

namespace LoginGuard.IntegrationTests.State;

public sealed class LearnerHistorySerializerTests
{
    [Fact]
    public void A_full_history_comes_back_exactly_to_the_tick()
    {
        var history = Histories.Full();

        var back = LearnerHistorySerializer.Deserialize(LearnerHistorySerializer.Serialize(history));

        back.Should().BeEquivalentTo(history, o => o.Using<DateTimeOffset>(c => c.Subject.UtcTicks.Should().Be(c.Expectation.UtcTicks)).WhenTypeIs<DateTimeOffset>());
    }

    [Fact]
    public void An_empty_history_comes_back_empty()
    {
        var back = LearnerHistorySerializer.Deserialize(LearnerHistorySerializer.Serialize(LearnerHistory.Empty));

        back.Should().BeEquivalentTo(LearnerHistory.Empty);
    }

    [Fact]
    public void A_history_with_unknowns_and_keys_that_are_not_hex_comes_back_as_it_was()
    {
        var history = LearnerHistory.Empty with
        {
            Devices = [new KnownValue("ABCDEF", Learners.Start, Learners.Start, 1), new KnownValue("abc", Learners.Start, Learners.Start, 1), new KnownValue("Zoë", Learners.Start, Learners.Start, 1)],
            LastSuccess = new LastSignIn(Learners.Start.AddMilliseconds(1).AddTicks(1), null, null, null, null),
            Failures = [new FailedAttempt(Learners.Start.AddDays(1), "", "évènement/1")],
        };

        var back = LearnerHistorySerializer.Deserialize(LearnerHistorySerializer.Serialize(history));

        back.Should().BeEquivalentTo(history);
    }

    [Fact]
    public void A_full_history_takes_well_under_four_kilobytes()
    {
        LearnerHistorySerializer.Serialize(Histories.Full()).Length.Should().BeLessThan(2_500);
        LearnerHistorySerializer.Serialize(Histories.Full(failures: 20)).Length.Should().BeLessThan(4_096);
    }

    [Fact]
    public void Reads_a_history_stored_before_agents_were_kept_as_one_with_no_agents()
    {
        // Written by the last format-1 LoginGuard (commit 43bd0b7) from Histories.Full(failures: 0).
        var blob = Convert.FromBase64String(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "State", "history-format-1.b64")));
        blob[0].Should().Be(1);

        var back = LearnerHistorySerializer.Deserialize(blob);

        back.Should().BeEquivalentTo(Histories.Full(failures: 0) with { Agents = [] }, o => o.Using<DateTimeOffset>(c => c.Subject.UtcTicks.Should().Be(c.Expectation.UtcTicks)).WhenTypeIs<DateTimeOffset>());
    }

    [Fact]
    public void Refuses_a_blob_in_a_format_it_does_not_know()
    {
        var blob = LearnerHistorySerializer.Serialize(Histories.Full());
        blob[0] = 99;

        var read = () => LearnerHistorySerializer.Deserialize(blob);

        read.Should().Throw<InvalidDataException>().WithMessage("*format 99*");
    }
}
