using LoginGuard.Tools.Generation;
using LoginGuard.Tools.Generation.Stream;

namespace LoginGuard.Core.Tests.Generation;

public sealed class DeterminismTests
{
    private static readonly GenerationSettings Small = new(Users: 15, Days: 6, Seed: 11, Start: new DateOnly(2026, 10, 1), BadLines: 10, Duplicates: 3);

    [Fact]
    public void The_same_seed_writes_the_same_stream()
    {
        var first = Samples.Generate(Small);
        var second = Samples.Generate(Small);

        second.Jsonl().Should().Be(first.Jsonl());
        second.LabelsCsv().Should().Be(first.LabelsCsv());
    }

    [Fact]
    public void A_different_seed_writes_a_different_stream()
    {
        var first = Samples.Generate(Small);
        var other = Samples.Generate(Small with { Seed = 12 });

        other.Jsonl().Should().NotBe(first.Jsonl());
    }

    [Fact]
    public void The_written_files_are_byte_identical_for_the_same_seed()
    {
        var first = Directory.CreateTempSubdirectory("loginguard-gen-");
        var second = Directory.CreateTempSubdirectory("loginguard-gen-");
        try
        {
            SampleFiles.Write(Samples.Generate(Small), first.FullName);
            SampleFiles.Write(Samples.Generate(Small), second.FullName);

            foreach (var file in new[] { SampleFiles.EventsFile, SampleFiles.LabelsFile })
            {
                File.ReadAllBytes(Path.Combine(second.FullName, file)).Should().Equal(File.ReadAllBytes(Path.Combine(first.FullName, file)));
            }
        }
        finally
        {
            first.Delete(recursive: true);
            second.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_committed_sample_is_what_the_readme_command_writes()
    {
        var samples = Path.Combine(Samples.RepositoryRoot, "data-samples");
        var readme = File.ReadAllText(Path.Combine(samples, "README.md"));
        var settings = Samples.Committed;

        readme.Should().Contain($"--users {settings.Users} --days {settings.Days} --seed {settings.Seed} --start 2026-10-01 --bad-lines {settings.BadLines} --duplicates {settings.Duplicates}");
        File.ReadAllText(Path.Combine(samples, "login-events.jsonl")).Should().Be(Samples.Standard.Jsonl());
        File.ReadAllText(Path.Combine(samples, "login-events.labels.csv")).Should().Be(Samples.Standard.LabelsCsv());
    }
}
