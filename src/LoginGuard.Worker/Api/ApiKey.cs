using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace LoginGuard.Worker.Api;

/// <summary>
/// The service-to-service key. Compared as SHA-256 digests in constant time, so neither the key's content nor
/// its length shows in how long a wrong guess takes.
/// </summary>
internal sealed class ApiKey(IOptions<ApiOptions> options)
{
    public const string Header = "X-Api-Key";

    private readonly byte[] expected = SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.Key ?? ""));

    public bool Accepts(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), expected);

    /// <summary>Answers 401 with problem details before anything else runs: no endpoint, health and metrics included, answers without the key.</summary>
    public async Task RequireAsync(HttpContext context, RequestDelegate next)
    {
        if (Accepts(context.Request.Headers[Header].ToString() is { Length: > 0 } value ? value : null))
        {
            await next(context);
            return;
        }

        await TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Missing or wrong API key",
            detail: $"Send the service key in the {Header} header.").ExecuteAsync(context);
    }
}
