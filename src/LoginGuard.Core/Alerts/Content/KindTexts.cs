namespace LoginGuard.Alerts.Content;

/// <summary>The sentences that differ per alert kind; <c>{0}</c> is the product name.</summary>
/// <param name="Subject">The subject line.</param>
/// <param name="Intro">What happened, in one calm sentence.</param>
/// <param name="IfNotYou">What to do if it was not the learner: where to go by themselves, never a form to fill in.</param>
/// <param name="IfYou">Where the language's one "if this was you" sentence does not fit: several sign-ins, or attempts rather than a sign-in.</param>
internal sealed record KindTexts(string Subject, string Intro, string IfNotYou, string? IfYou = null);
