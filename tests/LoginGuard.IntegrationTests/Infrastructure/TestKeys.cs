namespace LoginGuard.IntegrationTests.Infrastructure;

/// <summary>Secrets of the test suite: real in shape, so <c>run</c>'s start-up checks pass as they would in production.</summary>
internal static class TestKeys
{
    /// <summary>A <c>Privacy:HashKey</c> of 32 bytes that is not the public development key.</summary>
    public static readonly string HashKey = Convert.ToBase64String("loginguard-tests-hash-key-32-byte"u8);
}
