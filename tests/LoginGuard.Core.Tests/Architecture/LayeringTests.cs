using System.Text.RegularExpressions;
using LoginGuard.Contracts;
using LoginGuard.Core.Tests.Generation;
using NetArchTest.Rules;

namespace LoginGuard.Core.Tests.Architecture;

/// <summary>
/// A login event flows one way (contract, validated event, enriched event, assessment, actions) and so do the
/// dependencies of the code that handles it. These tests fail on the first backward edge, naming the type and what
/// it uses, so a change that would tangle the stages again is caught in review rather than years later.
/// </summary>
public sealed partial class LayeringTests
{
    private static readonly System.Reflection.Assembly Core = typeof(AuthEvent).Assembly;

    public static TheoryData<string> EveryLayer() => new(Layers.BottomUp.Prepend(Layers.Kernel));

    [Fact]
    public void Every_namespace_of_core_has_a_place_in_the_layering()
    {
        var namespaces = Core.GetTypes().Select(t => t.Namespace).Where(ns => ns is not null && ns.StartsWith("LoginGuard", StringComparison.Ordinal)).Distinct();

        namespaces.Where(ns => Layers.Of(ns) is null).Should().BeEmpty("a new folder of Core must be placed in Layers.BottomUp and in docs/architecture.md");
    }

    [Theory]
    [MemberData(nameof(EveryLayer))]
    public void A_layer_uses_no_type_of_a_layer_above_it(string layer)
    {
        var above = Layers.Above(layer).ToArray();
        var types = Types.InAssembly(Core).That();
        var result = (layer == Layers.Kernel ? types.ResideInNamespaceMatching("^LoginGuard$") : types.ResideInNamespace(layer))
            .ShouldNot().HaveDependencyOnAny(above)
            .GetResult();

        result.IsSuccessful.Should().BeTrue(
            "{0} may only use the layers below it, but these types reach above it:\n{1}",
            layer,
            string.Join("\n", (result.FailingTypes ?? []).Select(t => $"  {t.FullName}: {t.Explanation}")));
    }

    /// <summary>
    /// Constants are copied into the code that uses them, so the compiled check cannot see a stage reading one from a
    /// stage above it; the source can.
    /// </summary>
    [Fact]
    public void No_source_file_imports_or_names_a_layer_above_its_own()
    {
        var source = Path.Combine(Samples.RepositoryRoot, "src", "LoginGuard.Core");
        var backward = new List<string>();
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            var own = Layers.Of(FileNamespace().Match(text).Groups[1].Value);
            if (own is null)
            {
                continue;
            }

            var named = ImportedOrQualified().Matches(text).Select(m => m.Groups[1].Value)
                .Concat(RelativelyQualified().Matches(text).Select(m => "LoginGuard." + m.Groups[1].Value));
            backward.AddRange(named.Select(Layers.Of).OfType<string>().Where(other => Layers.Rank(other) > Layers.Rank(own)).Distinct()
                .Select(other => $"  {Path.GetRelativePath(source, file)} ({own}) names {other}"));
        }

        string.Join("\n", backward).Should().BeEmpty("a stage never imports the stage after it");
    }

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex FileNamespace();

    [GeneratedRegex(@"\b(LoginGuard(?:\.\w+)+)")]
    private static partial Regex ImportedOrQualified();

    /// <summary>A stage's name followed by a member, as in <c>Scoring.Rules.NewDeviceRule.RuleId</c>, inside <c>namespace LoginGuard.…</c>.</summary>
    [GeneratedRegex(@"(?<![\w.""/])((?:Contracts|Privacy|Ingestion|Enrichment|State|Scoring|Feedback|Alerts|Activity|LearnerRecords|Pipeline|Kafka)\.[A-Z]\w*)")]
    private static partial Regex RelativelyQualified();
}
