using System.Text.RegularExpressions;

namespace LoginGuard.Core.Tests.Docs;

/// <summary>A figure the docs show must be there: a plot renamed or left uncommitted shows as a broken image to the reader.</summary>
public sealed partial class DocsImageLinkTests
{
    public static TheoryData<string> Pages()
    {
        var root = RepositoryRoot();
        var pages = new TheoryData<string>();
        foreach (var page in Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories).Append(Path.Combine(root, "README.md")))
        {
            pages.Add(Path.GetRelativePath(root, page));
        }

        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_image_a_page_shows_or_links_is_committed_beside_it(string page)
    {
        var path = Path.Combine(RepositoryRoot(), page);
        var text = File.ReadAllText(path);
        var images = Image().Matches(text).Select(m => (Alt: m.Groups["alt"].Value, Target: m.Groups["target"].Value))
            .Concat(LinkedPicture().Matches(text).Select(m => (Alt: "(link)", Target: m.Groups["target"].Value)))
            .Where(i => !i.Target.StartsWith("http", StringComparison.Ordinal))
            .ToList();

        foreach (var (alt, target) in images)
        {
            alt.Should().NotBeNullOrWhiteSpace($"{page}: the image {target} says what it shows");
            File.Exists(Path.Combine(Path.GetDirectoryName(path)!, Uri.UnescapeDataString(target.Split('#')[0])))
                .Should().BeTrue($"{page} shows {target}, which must exist relative to the page");
        }
    }

    [Fact]
    public void The_plots_the_issue_asked_for_are_shown()
    {
        var docs = Path.Combine(RepositoryRoot(), "docs");
        string Images(string page) => string.Join('\n', Image().Matches(File.ReadAllText(Path.Combine(docs, page))).Select(m => m.Groups["target"].Value));

        Images("detection.md").Should().Contain("roc-").And.Contain("pr-", "evaluate's ROC and precision-recall plots");
        Images("performance.md").Should().Contain("pipeline-latency-2000.png").And.Contain("pipeline-latency-10000.png", "bench pipeline's latency histograms at the two offered loads of issue 18");
        Images("state.md").Should().Contain("redis-memory.png").And.Contain("flood-memory.png", "the memory benches' figures");
    }

    /// <summary>![alt](target "optional title")</summary>
    [GeneratedRegex(@"!\[(?<alt>[^\]]*)\]\((?<target>[^)\s]+)(\s+""[^""]*"")?\)")]
    private static partial Regex Image();

    /// <summary>A plain link to a picture, as docs/alerts.md links each mail's render.</summary>
    [GeneratedRegex(@"(?<!!)\[[^\]]*\]\((?<target>[^)\s]+\.(png|svg|jpg))\)")]
    private static partial Regex LinkedPicture();

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
