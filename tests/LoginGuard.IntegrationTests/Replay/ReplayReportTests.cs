using LoginGuard.Worker.Replay;

namespace LoginGuard.IntegrationTests.Replay;

/// <summary>The summary a replay prints about the mail it left in its outbox folder.</summary>
public sealed class ReplayReportTests
{
    [Fact]
    public void The_mail_line_counts_the_files_in_the_outbox_and_names_the_summaries_no_decision_queued()
    {
        var tally = new ReplayTally { MailWritten = 3 };
        tally.MailByKind["new-device"] = 1;
        tally.MailByKind["password-changed"] = 1;

        MailLine(tally).Should().EndWith("(3 .eml: 2 queued with decisions, 1 summary of new-device sign-ins the throttle held)");
    }

    [Fact]
    public void The_mail_line_gives_the_count_alone_when_every_file_was_queued_with_a_decision()
    {
        var tally = new ReplayTally { MailWritten = 2 };
        tally.MailByKind["new-device"] = 2;

        MailLine(tally).Should().EndWith("(2 .eml)");
    }

    private static string MailLine(ReplayTally tally)
    {
        using var output = new StringWriter();
        ReplayReport.Write(output, tally, "out");
        return output.ToString().Split(Environment.NewLine).Single(line => line.StartsWith("Mail:", StringComparison.Ordinal));
    }
}
