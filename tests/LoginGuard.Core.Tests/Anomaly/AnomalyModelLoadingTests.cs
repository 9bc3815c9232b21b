using LoginGuard.Scoring.Anomaly;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LoginGuard.Core.Tests.Anomaly;

public sealed class AnomalyModelLoadingTests(TinyModel model) : IClassFixture<TinyModel>
{
    [Fact]
    public void Start_up_fails_naming_the_model_path_setting_when_the_model_file_is_missing()
    {
        var failure = Validate(new() { [AnomalyModelOptions.Section + ":Path"] = "/nowhere/login-anomaly.zip" });

        failure.Should().ContainSingle().Which.Should().Contain("Scoring:Model:Path").And.Contain("/nowhere/login-anomaly.zip").And.Contain("loginguard-tools train");
    }

    [Fact]
    public void A_disabled_model_needs_no_file()
    {
        Validate(new() { [AnomalyModelOptions.Section + ":Enabled"] = "false", [AnomalyModelOptions.Section + ":Path"] = "/nowhere/login-anomaly.zip" })
            .Should().BeEmpty();
    }

    [Fact]
    public void Start_up_fails_when_the_model_file_is_not_a_model()
    {
        var directory = Directory.CreateTempSubdirectory("loginguard-bad-model-");
        try
        {
            var path = Path.Combine(directory.FullName, "login-anomaly.zip");
            File.WriteAllText(path, "not a zip");
            File.Copy(AnomalyModel.MetadataPathFor(model.Path), AnomalyModel.MetadataPathFor(path));

            Validate(new() { [AnomalyModelOptions.Section + ":Path"] = path })
                .Should().ContainSingle().Which.Should().Contain("Scoring:Model:Path").And.Contain("is not a model LoginGuard can read");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_model_trained_on_other_features_is_refused()
    {
        var directory = Directory.CreateTempSubdirectory("loginguard-old-model-");
        try
        {
            var path = Path.Combine(directory.FullName, "login-anomaly.zip");
            File.Copy(model.Path, path);
            var metadata = File.ReadAllText(AnomalyModel.MetadataPathFor(model.Path)).Replace("\"new-country\"", "\"new-planet\"", StringComparison.Ordinal);
            File.WriteAllText(AnomalyModel.MetadataPathFor(path), metadata);

            Validate(new() { [AnomalyModelOptions.Section + ":Path"] = path })
                .Should().ContainSingle().Which.Should().Contain("new-planet").And.Contain("Retrain");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_model_whose_metadata_lost_its_population_table_is_refused_at_start_up_not_on_every_event()
    {
        var directory = Directory.CreateTempSubdirectory("loginguard-no-population-");
        try
        {
            var path = Path.Combine(directory.FullName, "login-anomaly.zip");
            File.Copy(model.Path, path);
            var metadata = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(AnomalyModel.MetadataPathFor(model.Path)))!.AsObject();
            metadata.Remove("population");
            File.WriteAllText(AnomalyModel.MetadataPathFor(path), metadata.ToJsonString());

            Validate(new() { [AnomalyModelOptions.Section + ":Path"] = path })
                .Should().ContainSingle().Which.Should().Contain("population").And.Contain("Retrain");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_good_model_passes_validation_and_is_loaded_once()
    {
        using var services = Services(new() { [AnomalyModelOptions.Section + ":Path"] = model.Path });

        services.GetRequiredService<IOptionsMonitor<AnomalyModelOptions>>().CurrentValue.Path.Should().Be(model.Path);
        var store = services.GetRequiredService<AnomalyModelStore>();
        store.Get(model.Path).Should().BeSameAs(store.Get(model.Path));
    }

    private static List<string> Validate(Dictionary<string, string?> settings)
    {
        using var services = Services(settings);
        try
        {
            _ = services.GetRequiredService<IOptionsMonitor<AnomalyModelOptions>>().CurrentValue;
            return [];
        }
        catch (OptionsValidationException e)
        {
            return [.. e.Failures];
        }
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [AnomalyModelOptions.Section + ":Enabled"] = "true" })
            .AddInMemoryCollection(settings)
            .Build();
        return new ServiceCollection().AddAnomalyModel(configuration).BuildServiceProvider();
    }
}
