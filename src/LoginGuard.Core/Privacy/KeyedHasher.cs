using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LoginGuard.Privacy;

/// <summary>
/// Replaces identifiers with keyed hashes (HMAC-SHA256, lower-case hex), so state can link a learner's
/// events without holding their ids, and a leaked store cannot be reversed by hashing guesses without the key.
/// </summary>
/// <remarks>
/// The purpose is hashed together with the value (<c>purpose + '\n' + value</c>), so the same string hashed
/// as a user and as a device gives unrelated results and one kind of id can never stand in for another.
/// Thread-safe: each thread keeps its own keyed HMAC.
/// </remarks>
internal sealed class KeyedHasher
{
    public const string UserPurpose = "user";
    public const string DevicePurpose = "device";

    /// <summary>For devices known only by their user agent, kept apart from device cookies so no cookie value can equal one.</summary>
    public const string DeviceAgentPurpose = "device-agent";

    /// <summary>For a device's browser or app with its versions, which several of a learner's devices may share.</summary>
    public const string AgentPurpose = "agent";

    // Common ids fit on the stack; longer ones borrow a pooled buffer rather than allocate one per call.
    private const int StackBufferBytes = 512;

    // Public by design: it exists so a developer machine runs without setup, and is worth nothing as a secret.
    private static readonly byte[] DevelopmentKey = "LoginGuard development hash key: not a secret"u8.ToArray();

    // One keyed HMAC per thread, because the one-shot HMACSHA256.HashData sets the key up again on every
    // call, which costs as much as the hash itself (about 1 µs of the 5 µs enrichment budget). Hash never
    // awaits, so a thread's instance is never used by two callers at once.
    [ThreadStatic]
    private static IncrementalHash? t_hmac;

    [ThreadStatic]
    private static KeyedHasher? t_hmacOwner;

    private readonly byte[] _key;

    private KeyedHasher(string keyId, byte[] key)
    {
        KeyId = keyId;
        _key = key;
        Previous = [];
    }

    // IOptions, not IOptionsMonitor: a new key changes every stored hash, which must be a deliberate
    // restart rather than a side effect of a configuration reload.
    public KeyedHasher(IOptions<PrivacyOptions> options, ILogger<KeyedHasher> logger)
    {
        var configured = options.Value.HashKey;
        if (string.IsNullOrEmpty(configured))
        {
            KeyedHasherLog.DevelopmentKeyInUse(logger);
            _key = DevelopmentKey;
        }
        else
        {
            _key = Convert.FromBase64String(configured);
        }

        KeyId = options.Value.HashKeyId;
        Previous = [.. options.Value.PreviousHashKeys.Select(p => new KeyedHasher(p.Key, Convert.FromBase64String(p.Value)))];
    }

    /// <summary>The id of the key this hasher hashes with.</summary>
    public string KeyId { get; }

    /// <summary>Hashers of the keys rotated out, which still find what they filed; none of them writes.</summary>
    public IReadOnlyList<KeyedHasher> Previous { get; }

    /// <summary>This hasher, then every previous one: where a learner's data may be filed.</summary>
    public IEnumerable<KeyedHasher> WithPrevious() => Previous.Prepend(this);

    /// <summary>Whether a configured key is the public development key, which only a replay of sample data may use.</summary>
    public static bool IsDevelopmentKey(string base64Key)
    {
        var decoded = new byte[base64Key.Length];
        return Convert.TryFromBase64String(base64Key, decoded, out var length)
            && CryptographicOperations.FixedTimeEquals(decoded.AsSpan(0, length), DevelopmentKey);
    }

    public string Hash(string purpose, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        ArgumentNullException.ThrowIfNull(value);
        if (purpose.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException("A purpose cannot contain a line break: it is what separates purpose from value.", nameof(purpose));
        }

        var maxBytes = Encoding.UTF8.GetMaxByteCount(purpose.Length + 1 + value.Length);
        var rented = maxBytes > StackBufferBytes ? ArrayPool<byte>.Shared.Rent(maxBytes) : null;
        var buffer = rented ?? stackalloc byte[StackBufferBytes];
        try
        {
            var length = Encoding.UTF8.GetBytes(purpose, buffer);
            buffer[length++] = (byte)'\n';
            length += Encoding.UTF8.GetBytes(value, buffer[length..]);

            Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
            ComputeMac(buffer[..length], mac);
            return Convert.ToHexStringLower(mac);
        }
        finally
        {
            if (rented is not null)
            {
                // The buffer held a raw id; the next renter must not find it.
                ArrayPool<byte>.Shared.Return(rented, clearArray: true);
            }
        }
    }

    private void ComputeMac(ReadOnlySpan<byte> data, Span<byte> mac)
    {
        if (!ReferenceEquals(t_hmacOwner, this) || t_hmac is null)
        {
            t_hmac?.Dispose();
            t_hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
            t_hmacOwner = this;
        }

        try
        {
            t_hmac.AppendData(data);
            t_hmac.GetHashAndReset(mac);
        }
        catch
        {
            // Data left half-appended would silently change every later hash on this thread.
            t_hmac.Dispose();
            t_hmac = null;
            throw;
        }
    }
}
