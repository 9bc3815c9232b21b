using System.Security.Cryptography;
using System.Text;
using LoginGuard.Enrichment;
using Microsoft.Extensions.Options;

namespace LoginGuard.Worker.Api;

/// <summary>
/// The callers' keys (<c>Api:Keys</c>): finds which key a request carries, checks it grants the endpoint's scope,
/// and writes what the call did to a learner's data to the audit log. Keys are compared as SHA-256 digests in
/// constant time, every configured key each time, so neither a key's content, its length nor which key was
/// close shows in how long a wrong guess takes.
/// </summary>
internal sealed class ApiKey(IOptions<ApiOptions> options)
{
    public const string Header = "X-Api-Key";

    /// <summary>Where a request's key id is kept for the rate limiter and the audit log.</summary>
    public const string KeyIdItem = "LoginGuard.ApiKeyId";

    /// <summary>Where an endpoint that finds the learner itself (a decision by event id) leaves their hash for the audit log.</summary>
    public const string LearnerItem = "LoginGuard.AuditedLearner";

    private readonly (string Id, byte[] Digest, ApiKeyOptions Key)[] keys =
        [.. options.Value.Keys.Select(k => (k.Key, SHA256.HashData(Encoding.UTF8.GetBytes(k.Value.Secret ?? "")), k.Value))];

    public ApiKeyOptions this[string keyId] => keys.Single(k => k.Id == keyId).Key;

    /// <summary>The id of the key presented, or null when it is none of them.</summary>
    public string? Identify(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return null;
        }

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        string? found = null;
        foreach (var (id, expected, _) in keys)
        {
            // No early exit: every key is compared whatever matched.
            found = CryptographicOperations.FixedTimeEquals(digest, expected) ? id : found;
        }

        return found;
    }

    /// <summary>
    /// Answers 401 without a known key and 403 when the key lacks the endpoint's scope, before the endpoint runs;
    /// only <c>/healthz/live</c> answers anyone. Audited endpoints are recorded whatever the answer, refusals too, and
    /// do not run at all (503) when the audit log cannot record them.
    /// </summary>
    public async Task RequireAsync(HttpContext context, RequestDelegate next)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<OpenToAnyone>() is not null)
        {
            await next(context);
            return;
        }

        if (Identify(context.Request.Headers[Header].ToString()) is not { } keyId)
        {
            await TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Missing or wrong API key",
                detail: $"Send your key in the {Header} header.").ExecuteAsync(context);
            return;
        }

        context.Items[KeyIdItem] = keyId;
        var scope = endpoint?.Metadata.GetMetadata<RequiredScope>()?.Scope;
        var audited = endpoint?.Metadata.GetMetadata<Audited>();
        var audit = audited is null ? null : context.RequestServices.GetRequiredService<AuditLog>();
        if (scope is not null && !this[keyId].Scopes.Contains(scope, StringComparer.Ordinal))
        {
            await TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Key not allowed here",
                detail: $"The key '{keyId}' is not granted the scope '{scope}' this endpoint needs.").ExecuteAsync(context);
            if (audit is not null)
            {
                await audit.TryFinishAsync(Guid.NewGuid().ToString("N"), keyId, audited!.Action, LearnerOf(context), context.Response.StatusCode);
            }

            return;
        }

        if (audit is null)
        {
            await next(context);
            return;
        }

        // Recorded before it runs: a learner's data is not read or erased unless the audit log says so. The call's id
        // pairs its start with its result, across workers sharing the log.
        var call = Guid.NewGuid().ToString("N");
        if (!await audit.TryStartAsync(call, keyId, audited!.Action, LearnerOf(context)))
        {
            await TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Audit log unavailable",
                detail: "This call is recorded in the audit log before it runs, and the log (Redis) cannot be written now; nothing was done. Retry later.").ExecuteAsync(context);
            return;
        }

        var result = StatusCodes.Status500InternalServerError;
        try
        {
            await next(context);
            result = context.Response.StatusCode;
        }
        finally
        {
            await audit.TryFinishAsync(call, keyId, audited.Action, LearnerOf(context), result);
        }
    }

    private static string? LearnerOf(HttpContext context) =>
        context.Items[LearnerItem] as string
        ?? (context.Request.RouteValues["userId"] is string userId && UserIds.Problem(userId) is null
            ? context.RequestServices.GetRequiredService<StateKeyMaker>().Learner(userId)
            : null);
}
