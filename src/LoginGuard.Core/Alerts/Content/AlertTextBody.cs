using System.Text;

namespace LoginGuard.Alerts.Content;

/// <summary>The plain-text part: what text-only clients, screen readers and careful learners read.</summary>
internal static class AlertTextBody
{
    public static string Render(AlertContent content)
    {
        var text = new StringBuilder()
            .AppendLine(content.Greeting)
            .AppendLine()
            .AppendLine(content.Intro)
            .AppendLine();
        foreach (var detail in content.Details.Prepend(content.Account))
        {
            text.Append(detail.Label).Append(content.LabelSeparator).AppendLine(detail.Value);
        }

        text.AppendLine();
        if (content.Question is { } question)
        {
            text.AppendLine(question).AppendLine();
        }

        text.AppendLine(content.IfYou)
            .AppendLine()
            .AppendLine(content.IfNotYou)
            .AppendLine()
            .AppendLine(content.AccountSecurityUrl)
            .AppendLine()
            .AppendLine("--");
        foreach (var line in content.Footer)
        {
            text.AppendLine(line);
        }

        return text.ToString();
    }
}
