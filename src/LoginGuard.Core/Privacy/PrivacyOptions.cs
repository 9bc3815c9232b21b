namespace LoginGuard.Privacy;

/// <summary>Settings for keeping learners' identifiers out of state, bound from the <c>Privacy</c> section.</summary>
internal sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>The smallest key HMAC-SHA256 gets its full strength from.</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>
    /// Base64 of at least 32 random bytes (<c>openssl rand -base64 32</c>), the key every learner and device
    /// hash is made with. Base64 only, never a passphrase: typed words are too guessable for a key that
    /// hides who signed in. Leave unset only in development, where a fixed public key is used and a warning
    /// is logged. Changing it without moving the old key under <see cref="PreviousHashKeys"/> makes every remembered
    /// device look new, so rotate it deliberately.
    /// </summary>
    public string? HashKey { get; set; }

    /// <summary>The id of <see cref="HashKey"/>: how <see cref="PreviousHashKeys"/> and the docs name it.</summary>
    public string HashKeyId { get; set; } = "1";

    /// <summary>
    /// Keys that no longer hash new state but whose hashes still file a learner's data, by id: erasure and export
    /// look under each, so a learner's rights reach what was filed before a rotation, and detection hashes each event
    /// under each too, so a learner's devices and addresses are still known and their history moves to the new key.
    /// Drop one once its data has expired (<c>State:HistoryLookback</c> after the rotation).
    /// </summary>
    public Dictionary<string, string> PreviousHashKeys { get; set; } = [];
}
