namespace LoginGuard.Contracts;

/// <summary>
/// Rule ids that stages after scoring act on by name: the history remembers a sign-in that hit new-device as risky,
/// and the alert policy mails the learner about it.
/// </summary>
internal static class RuleIds
{
    public const string NewDevice = "new-device";
}
