using System.Net;
using System.Text;

namespace LoginGuard.Alerts.Content;

/// <summary>
/// The HTML part: plain inline styles that every client renders, no images (nothing to track an open with),
/// one link whose visible text is exactly where it goes. Every value is HTML-encoded here, in one place.
/// </summary>
internal static class AlertHtmlBody
{
    private const string Paragraph = "<p style=\"margin:0 0 16px 0;\">";
    private const string LabelCell = "<td style=\"padding:4px 16px 4px 0;color:#52606d;vertical-align:top;\">";
    private const string ValueCell = "<td style=\"padding:4px 0;vertical-align:top;\">";

    public static string Render(AlertContent content)
    {
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"").Append(E(content.Language)).Append("\">\n")
            .Append("<head><meta charset=\"utf-8\"><title>").Append(E(content.Subject)).Append("</title></head>\n")
            .Append("<body style=\"margin:0;padding:24px;background:#f5f7fa;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1f2933;\">\n")
            .Append("<div style=\"max-width:560px;margin:0 auto;padding:24px;background:#ffffff;border-radius:8px;\">\n")
            .Append(Paragraph).Append(E(content.Greeting)).Append("</p>\n")
            .Append(Paragraph).Append(E(content.Intro)).Append("</p>\n")
            .Append("<table role=\"presentation\" style=\"border-collapse:collapse;margin:0 0 16px 0;\">\n");
        foreach (var detail in content.Details.Prepend(content.Account))
        {
            html.Append("<tr>").Append(LabelCell).Append(E(detail.Label)).Append("</td>")
                .Append(ValueCell).Append(E(detail.Value)).Append("</td></tr>\n");
        }

        var url = E(content.AccountSecurityUrl);
        html.Append("</table>\n");
        if (content.Question is { } question)
        {
            html.Append(Paragraph).Append("<strong>").Append(E(question)).Append("</strong></p>\n");
        }

        html.Append(Paragraph).Append(E(content.IfYou)).Append("</p>\n")
            .Append(Paragraph).Append(E(content.IfNotYou)).Append("</p>\n")
            .Append(Paragraph).Append("<a href=\"").Append(url).Append("\" style=\"color:#1a56db;word-break:break-all;\">").Append(url).Append("</a></p>\n")
            .Append("<hr style=\"border:none;border-top:1px solid #e4e7eb;margin:24px 0 16px 0;\">\n");
        foreach (var line in content.Footer)
        {
            html.Append("<p style=\"margin:0 0 8px 0;font-size:13px;color:#7b8794;\">").Append(E(line)).Append("</p>\n");
        }

        return html.Append("</div>\n</body>\n</html>\n").ToString();
    }

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
