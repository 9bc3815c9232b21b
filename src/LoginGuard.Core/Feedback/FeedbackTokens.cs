using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace LoginGuard.Feedback;

/// <summary>
/// Seals a <see cref="FeedbackClaim"/> into a URL-safe token with AES-256-GCM: authenticated (a changed token
/// fails to open), confidential (the account id inside cannot be read from the link) and expiring. Single use
/// is enforced where the answer is taken (<see cref="RedisFeedbackStore.TakeLegitimateAsync"/>, <see cref="RedisFeedbackStore.MarkCompromisedAsync"/>).
/// </summary>
/// <remarks>
/// A token is <c>&lt;key id&gt;.&lt;sealed bytes&gt;</c>: the id picks the key that opens it, so a rotated key keeps
/// opening the links it sealed (<see cref="FeedbackOptions.PreviousTokenKeys"/>) while new ones use the current
/// key; the id is also the cipher's associated data, so relabelling a token breaks it. A token without an id was
/// sealed before keys had ids, with the then current key.
/// </remarks>
internal sealed class FeedbackTokens(IOptions<FeedbackOptions> options, TimeProvider clock)
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private const char IdSeparator = '.';
    private const string NotOurs = "The token is not one LoginGuard issued.";

    private readonly FeedbackOptions settings = options.Value;
    private readonly byte[]? key = string.IsNullOrEmpty(options.Value.TokenKey) ? null : Convert.FromBase64String(options.Value.TokenKey);
    private readonly Dictionary<string, byte[]> previous = options.Value.PreviousTokenKeys.ToDictionary(p => p.Key, p => Convert.FromBase64String(p.Value), StringComparer.Ordinal);

    public bool IsEnabled => settings.IsEnabled;

    public string Seal(FeedbackClaim claim)
    {
        var plain = JsonSerializer.SerializeToUtf8Bytes(claim, FeedbackClaimJson.Default.FeedbackClaim);
        var sealedBytes = new byte[NonceBytes + TagBytes + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(Key, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), Encoding.UTF8.GetBytes(settings.TokenKeyId));
        return settings.TokenKeyId + IdSeparator + Base64Url.EncodeToString(sealedBytes);
    }

    /// <summary>The claim, if the token is one of ours, untouched and not expired; otherwise why not.</summary>
    public (FeedbackClaim? Claim, string? Problem) Open(string token)
    {
        var separator = token.IndexOf(IdSeparator, StringComparison.Ordinal);
        var keyId = separator < 0 ? null : token[..separator];
        var opening = keyId is null || keyId == settings.TokenKeyId ? Key : previous.GetValueOrDefault(keyId);
        byte[] sealedBytes;
        try
        {
            sealedBytes = Base64Url.DecodeFromChars(token.AsSpan(separator + 1));
        }
        catch (FormatException)
        {
            return (null, NotOurs);
        }

        if (opening is null || sealedBytes.Length <= NonceBytes + TagBytes)
        {
            return (null, NotOurs);
        }

        var plain = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        try
        {
            using var aes = new AesGcm(opening, TagBytes);
            var associated = keyId is null ? [] : Encoding.UTF8.GetBytes(keyId);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), plain, associated);
        }
        catch (AuthenticationTagMismatchException)
        {
            return (null, NotOurs);
        }

        var claim = JsonSerializer.Deserialize(plain, FeedbackClaimJson.Default.FeedbackClaim)!;
        return claim.ExpiresAt <= clock.GetUtcNow() ? (null, "The token has expired.") : (claim, null);
    }

    private byte[] Key => key ?? throw new InvalidOperationException($"{FeedbackOptions.Section}:TokenKey is not set.");
}
