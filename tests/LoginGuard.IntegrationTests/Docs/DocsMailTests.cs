using System.Text.RegularExpressions;
using LoginGuard.Alerts;
using LoginGuard.Alerts.Content;
using LoginGuard.Contracts;
using LoginGuard.Worker.Commands;
using MimeKit;

namespace LoginGuard.IntegrationTests.Docs;

/// <summary>
/// docs/mail shows every mail LoginGuard sends, in every language, with feedback off and on, as the replay renders
/// them from docs/mail/events.jsonl. This test renders them again and fails when a file there no longer matches
/// (a template, a text or the renderer changed), or when a kind or a language has no file. docs/mail/render.sh
/// runs it with <see cref="RenderInto"/> set to write the files instead, then screenshots the HTML parts.
/// </summary>
public sealed partial class DocsMailTests
{
    /// <summary>Set to a folder, the test writes docs/mail/*.txt and the HTML parts there instead of comparing.</summary>
    private const string RenderInto = "LOGINGUARD_RENDER_DOCS_MAIL";

    private const string NewAddress = "c.martin@example.net";

    private static readonly string[] Variants =
    [
        "new-device", "new-device-summary", "password-changed", "mfa-disabled", "email-changed", "email-changed-to-old-address",
        "suspicious-activity-stolen-session", "suspicious-activity-success-after-failures", "suspicious-activity-brute-force",
    ];

    [Fact]
    public async Task Every_mail_kind_in_every_language_with_feedback_off_and_on_is_in_docs_mail_as_the_renderer_writes_it()
    {
        var docs = Path.Combine(RepositoryRoot(), "docs", "mail");
        var rendered = await RenderAsync(docs);

        var expected = (from variant in Variants
                        from language in AlertLanguage.All.Select(t => t.Language)
                        from feedback in new[] { "", ".feedback" }
                        select variant + (language == "en" ? "" : "." + language) + feedback).ToList();
        rendered.Keys.Should().BeEquivalentTo(expected, "docs/mail/events.jsonl has an event for every kind in every language");
        rendered.Values.Select(r => r.Kind).Distinct().Should().BeEquivalentTo(Enum.GetValues<AlertKind>().Select(k => k.ToWireName()), "every kind LoginGuard sends is shown");

        if (Environment.GetEnvironmentVariable(RenderInto) is { Length: > 0 } htmlFolder)
        {
            foreach (var stale in Directory.EnumerateFiles(docs, "*.txt").Concat(Directory.EnumerateFiles(docs, "*.png"))
                .Where(f => !rendered.ContainsKey(Path.GetFileNameWithoutExtension(f))))
            {
                File.Delete(stale);
            }

            Directory.CreateDirectory(htmlFolder);
            foreach (var (name, mail) in rendered)
            {
                await File.WriteAllTextAsync(Path.Combine(docs, name + ".txt"), mail.Text);
                await File.WriteAllTextAsync(Path.Combine(htmlFolder, name + ".html"), mail.Html);
            }

            return;
        }

        Directory.EnumerateFiles(docs, "*.txt").Select(Path.GetFileNameWithoutExtension).Should().BeEquivalentTo(expected, "docs/mail holds no mail the renderer no longer writes");
        var alerts = await File.ReadAllTextAsync(Path.Combine(docs, "..", "alerts.md"));
        foreach (var name in expected)
        {
            alerts.Should().Contain($"(mail/{name}.txt)").And.Contain($"(mail/{name}.png)", "docs/alerts.md shows every rendered mail");
        }

        foreach (var (name, mail) in rendered)
        {
            var committed = Path.Combine(docs, name + ".txt");
            File.Exists(Path.Combine(docs, name + ".png")).Should().BeTrue($"{name}.png shows the HTML part (docs/mail/render.sh)");
            WithoutToken(await File.ReadAllTextAsync(committed)).Should().Be(WithoutToken(mail.Text),
                $"docs/mail/{name}.txt is what the renderer writes now; run docs/mail/render.sh after changing a mail");
        }
    }

    /// <summary>The replay of docs/mail/events.jsonl, plain and with feedback on, each documented mail under its name.</summary>
    private static async Task<SortedDictionary<string, (string Kind, string Text, string Html)>> RenderAsync(string docs)
    {
        var work = Directory.CreateTempSubdirectory("loginguard-docs-mail-");
        try
        {
            var rendered = new SortedDictionary<string, (string, string, string)>(StringComparer.Ordinal);
            var feedback = new Dictionary<string, string?>
            {
                ["Feedback:TokenKey"] = Convert.ToBase64String(new byte[32]),
                ["Feedback:ReviewUrl"] = "https://learnwell.example/account/security/review",
            };
            foreach (var (suffix, settings) in new[] { ("", (Dictionary<string, string?>?)null), (".feedback", feedback) })
            {
                var output = new DirectoryInfo(Path.Combine(work.FullName, "out" + suffix));
                (await ReplayCommand.RunAsync(new FileInfo(Path.Combine(docs, "events.jsonl")), output, verbose: false, CancellationToken.None, settings: settings))
                    .Should().Be(0);
                foreach (var eml in Directory.EnumerateFiles(Path.Combine(output.FullName, "outbox"), "*.eml").Order(StringComparer.Ordinal))
                {
                    var message = await MimeMessage.LoadAsync(eml);
                    if (NameOf(message) is { } name)
                    {
                        rendered.Add(name + suffix, (message.Headers["X-LoginGuard-Alert"] ?? "", TextOf(message), message.HtmlBody ?? ""));
                    }
                }
            }

            return rendered;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The mails of events whose ids start with "doc-" are named after them, "doc-KIND.LOCALE" giving "KIND.LOCALE" (no
    /// locale for English); a summary is named after the first event it tells of; other events only set the scene.
    /// </summary>
    private static string? NameOf(MimeMessage message)
    {
        var told = message.Headers.Where(h => h.Field == "X-LoginGuard-Event-Id").Select(h => h.Value).ToList();
        if (!told[0].StartsWith("doc-", StringComparison.Ordinal))
        {
            return null;
        }

        var (@event, locale) = told[0]["doc-".Length..].Split('.', 2) is [var e, var l] ? (e, l) : (told[0]["doc-".Length..], "");
        var kind = message.Headers["X-LoginGuard-Alert"];
        var name = told.Count > 1 ? "new-device-summary"
            : kind == "suspicious-activity" ? "suspicious-activity-" + @event
            : kind == "email-changed" && message.To.Mailboxes.Single().Address != NewAddress ? "email-changed-to-old-address"
            : kind;
        return locale.Length > 0 ? $"{name}.{locale}" : name;
    }

    private static string TextOf(MimeMessage message) =>
        $"From: {Addresses(message.From)}\nTo: {Addresses(message.To)}\nSubject: {message.Subject}\n\n{(message.TextBody ?? "").Replace("\r\n", "\n", StringComparison.Ordinal)}";

    /// <summary>As a mail client shows them: the name unquoted.</summary>
    private static string Addresses(InternetAddressList list) =>
        string.Join(", ", list.Mailboxes.Select(m => string.IsNullOrEmpty(m.Name) ? m.Address : $"{m.Name} <{m.Address}>"));

    /// <summary>A feedback link's token is sealed afresh, with a random nonce, on every render.</summary>
    private static string WithoutToken(string text) => ReviewToken().Replace(text.Replace("\r\n", "\n", StringComparison.Ordinal), "/review/<token>");

    [GeneratedRegex("/review/[A-Za-z0-9_.-]+")]
    private static partial Regex ReviewToken();

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LoginGuard.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("LoginGuard.sln not found above the test binaries.");
    }
}
