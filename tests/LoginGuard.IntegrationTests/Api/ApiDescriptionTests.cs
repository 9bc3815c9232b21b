using System.Net;
using System.Text.Json;
using LoginGuard.Worker.Api;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LoginGuard.IntegrationTests.Api;

public sealed class ApiDescriptionTests
{
    [Fact]
    public async Task Describes_every_endpoint_with_a_summary_its_answers_and_the_key_it_needs()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var worker = await ApiWorker.StartAsync(redis);

        using var response = await worker.Client.GetAsync(ApiDescription.Path);
        var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var paths = document.RootElement.GetProperty("paths");
        var endpoints = worker.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText != ApiDescription.Path)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Path: Normalized(e.RoutePattern.RawText!), Method: m.ToLowerInvariant())))
            .ToList();
        endpoints.Should().HaveCountGreaterThan(8);
        foreach (var (path, method) in endpoints)
        {
            paths.TryGetProperty(path, out var item).Should().BeTrue($"{method} {path} is mapped");
            item.TryGetProperty(method, out var operation).Should().BeTrue($"{method} {path} is mapped");
            operation.GetProperty("summary").GetString().Should().NotBeNullOrWhiteSpace($"{method} {path} should say what it does");
            operation.GetProperty("responses").TryGetProperty("401", out _).Should().BeTrue($"{method} {path} needs the key");
        }

        var scheme = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("apiKey");
        scheme.GetProperty("name").GetString().Should().Be(ApiKey.Header);
        document.RootElement.GetProperty("security").GetArrayLength().Should().Be(1);
    }

    private static string Normalized(string route) => "/" + route.Trim('/');
}
