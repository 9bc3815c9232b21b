using System.Net.Http.Json;
using LoginGuard.Testing;
using MimeKit;

namespace LoginGuard.IntegrationTests.Api;

/// <summary>What a learner does with the "was this you?" mail: get it, follow its link, answer.</summary>
internal static class FeedbackMail
{
    /// <summary>A sign-in from a laptop, then one from a new phone: the second is mailed.</summary>
    /// <param name="events">What the event ids are named after (<c>evt-&lt;events&gt;-phone</c>); the user id unless told.</param>
    public static async Task<MimeMessage> NewPhoneMailAsync(ApiWorker worker, string user, string? events = null)
    {
        await worker.ProcessAsync(AuthEvents.Of($"evt-{events ?? user}-laptop", "login.succeeded", ApiWorker.At(TimeSpan.FromHours(2)), user));
        await worker.ProcessAsync(AuthEvents.Of($"evt-{events ?? user}-phone", "login.succeeded", ApiWorker.At(TimeSpan.FromHours(1)), user, userAgent: AuthEvents.Phone));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (Directory.GetFiles(worker.Pickup, "*.eml").Length == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        return await MimeMessage.LoadAsync(Directory.GetFiles(worker.Pickup, "*.eml").Single());
    }

    public static string ReviewLink(MimeMessage mail) =>
        mail.TextBody!.Split('\n').Select(line => line.Trim()).Single(line => line.StartsWith("https://", StringComparison.Ordinal));

    public static string TokenOf(MimeMessage mail) => ReviewLink(mail)[(ApiWorker.ReviewUrl.Length + 1)..];

    /// <summary>What the review page posts for the learner.</summary>
    public static Task<HttpResponseMessage> AnswerAsync(HttpClient api, string token, string answer) =>
        api.PostAsJsonAsync("/v1/feedback", new { token, answer });
}
