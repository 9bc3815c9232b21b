using MimeKit;

namespace LoginGuard.IntegrationTests.Infrastructure;

/// <summary>
/// A mail as what it tells whom: its kind, the events it tells of and its recipient. Not its alert id, which hashes
/// the learner with the deployment's hash key: the replay that works out what is owed uses the public development
/// key, a worker a secret one.
/// </summary>
internal static class MailIdentity
{
    public static string Of(MimeMessage mail)
    {
        var events = mail.Headers.Where(h => h.Field == "X-LoginGuard-Event-Id").Select(h => h.Value);
        return $"{mail.Headers["X-LoginGuard-Alert"]}|{string.Join(',', events)}|{mail.To}";
    }
}
