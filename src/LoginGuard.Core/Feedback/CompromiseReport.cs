using System.Security.Cryptography;
using System.Text;

namespace LoginGuard.Feedback;

/// <summary>
/// A learner's "wasn't me" as the platform receives it: the reported event, and an id that stays the same however often
/// the report is sent, so a consumer acts once per id (delivery is at least once).
/// </summary>
/// <param name="ReportId">
/// <see cref="IdFor"/> the learner and the event: one report per reported event, whichever of the event's mails the
/// learner answered, and an id that leads back to no user id.
/// </param>
internal sealed record CompromiseReport(string ReportId, FeedbackClaim Claim)
{
    /// <param name="learner">The learner's keyed hash (<c>StateKeyMaker.Learner</c>).</param>
    public static string IdFor(string learner, string eventId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"learner-reported\n{learner}\n{eventId}")).AsSpan(0, 16));
}
