using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace LoginGuard.Feedback;

/// <summary>
/// Seals a <see cref="FeedbackClaim"/> into a URL-safe token with AES-256-GCM: authenticated (a changed token
/// fails to open), confidential (the account id inside cannot be read from the link) and expiring. Single use
/// is enforced where the answer is taken (<see cref="RedisFeedbackStore.TakeAsync"/>). The same cipher seals the
/// claim of a "wasn't me" report waiting in Redis for Kafka (<see cref="SealReport"/>), which must name the account
/// to the platform and must not name it to whoever reads Redis.
/// </summary>
/// <remarks>
/// A token is <c>&lt;key id&gt;.&lt;sealed bytes&gt;</c>: the id picks the key that opens it, so a rotated key keeps
/// opening the links it sealed (<see cref="FeedbackOptions.PreviousTokenKeys"/>) while new ones use the current
/// key; the id is also the cipher's associated data, so relabelling a token breaks it. A token without an id was
/// sealed before keys had ids, with the then current key. A sealed report's associated data is <c>report/</c> and the
/// key id, so a report cannot pass for a link, nor a link for a report.
/// </remarks>
internal sealed class FeedbackTokens(IOptions<FeedbackOptions> options, TimeProvider clock)
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private const char IdSeparator = '.';
    private const string NotOurs = "The token is not one LoginGuard issued.";
    private const string ReportPurpose = "report/";

    private readonly FeedbackOptions settings = options.Value;
    private readonly byte[]? key = string.IsNullOrEmpty(options.Value.TokenKey) ? null : Convert.FromBase64String(options.Value.TokenKey);
    private readonly Dictionary<string, byte[]> previous = options.Value.PreviousTokenKeys.ToDictionary(p => p.Key, p => Convert.FromBase64String(p.Value), StringComparer.Ordinal);

    public bool IsEnabled => settings.IsEnabled;

    public string Seal(FeedbackClaim claim) => Seal(claim, settings.TokenKeyId);

    /// <summary>A report's claim sealed for keeping in Redis until Kafka takes it; <see cref="OpenReport"/> opens it.</summary>
    public string SealReport(FeedbackClaim claim) => Seal(claim, ReportPurpose + settings.TokenKeyId);

    /// <summary>
    /// The claim of a report <see cref="SealReport"/> sealed, whatever its expiry (the learner answered while the link
    /// was good); null when it does not open, as when the key that sealed it is no longer configured.
    /// </summary>
    public FeedbackClaim? OpenReport(string sealedReport)
    {
        var separator = sealedReport.IndexOf(IdSeparator, StringComparison.Ordinal);
        return separator < 0 ? null : Unseal(sealedReport, sealedReport[..separator], ReportPurpose + sealedReport[..separator]);
    }

    /// <summary>The claim, if the token is one of ours, untouched and not expired; otherwise why not.</summary>
    public (FeedbackClaim? Claim, string? Problem) Open(string token)
    {
        var separator = token.IndexOf(IdSeparator, StringComparison.Ordinal);
        var keyId = separator < 0 ? null : token[..separator];
        var claim = Unseal(token, keyId, keyId);
        return claim is null ? (null, NotOurs)
            : claim.ExpiresAt <= clock.GetUtcNow() ? (null, "The token has expired.")
            : (claim, null);
    }

    private string Seal(FeedbackClaim claim, string associated)
    {
        var plain = JsonSerializer.SerializeToUtf8Bytes(claim, FeedbackClaimJson.Default.FeedbackClaim);
        var sealedBytes = new byte[NonceBytes + TagBytes + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(Key, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), Encoding.UTF8.GetBytes(associated));
        return settings.TokenKeyId + IdSeparator + Base64Url.EncodeToString(sealedBytes);
    }

    /// <param name="keyId">The key id written in front of the sealed bytes; null for a token sealed before keys had ids.</param>
    /// <param name="associated">What the sealed bytes were bound to; null for none.</param>
    private FeedbackClaim? Unseal(string text, string? keyId, string? associated)
    {
        var opening = keyId is null || keyId == settings.TokenKeyId ? Key : previous.GetValueOrDefault(keyId);
        byte[] sealedBytes;
        try
        {
            sealedBytes = Base64Url.DecodeFromChars(text.AsSpan(keyId is null ? 0 : keyId.Length + 1));
        }
        catch (FormatException)
        {
            return null;
        }

        if (opening is null || sealedBytes.Length <= NonceBytes + TagBytes)
        {
            return null;
        }

        var plain = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        try
        {
            using var aes = new AesGcm(opening, TagBytes);
            aes.Decrypt(
                sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), plain,
                associated is null ? [] : Encoding.UTF8.GetBytes(associated));
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }

        return JsonSerializer.Deserialize(plain, FeedbackClaimJson.Default.FeedbackClaim)!;
    }

    private byte[] Key => key ?? throw new InvalidOperationException($"{FeedbackOptions.Section}:TokenKey is not set.");
}
