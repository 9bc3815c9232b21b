using System.Globalization;
using LoginGuard.Contracts;

namespace LoginGuard.Alerts.Content;

/// <summary>
/// One mail's words, already localized and cleaned, before they become text or HTML. Both bodies render
/// this same content, so the plain-text part can never say less than the HTML part.
/// </summary>
internal sealed record AlertContent(
    string Language,
    string Subject,
    string Greeting,
    string Intro,
    AlertDetail Account,
    IReadOnlyList<AlertDetail> Details,
    string LabelSeparator,
    string? Question,
    string IfYou,
    string IfNotYou,
    string AccountSecurityUrl,
    IReadOnlyList<string> Footer)
{
    public static AlertContent For(Alert alert, AlertMailOptions options)
    {
        var language = AlertLanguage.For(alert.Event.Locale);
        var texts = language.Texts;
        var kind = texts.For(alert);
        var product = SafeText.Clean(options.ProductName);
        var name = DisplayNames.ForMail(alert.Event.DisplayName);

        // With a review link the one link is where the learner answers "was this you?", so the mail asks it and gives
        // both answers; without one it keeps telling them to reach the account page by themselves.
        var asks = alert.ReviewUrl is not null;

        return new(
            texts.Language,
            Format(kind.Subject, product),
            name.Length > 0 ? Format(texts.Greeting, name) : texts.GreetingWithoutName,
            IntroFor(alert, texts, kind, product),
            new(texts.AccountLabel, AccountOf(alert)),
            alert.Summarizes is { } held ? SummaryDetails(held, language.Culture) : DetailsFor(alert, texts, language.Culture),
            texts.LabelSeparator,
            asks ? texts.WasThisYou : null,
            asks ? texts.YesItWasMe : kind.IfYou ?? texts.IfYou,
            Format(asks ? texts.NoItWasNot : kind.IfNotYou, product),
            alert.ReviewUrl ?? options.AccountSecurityUrl,
            [Format(texts.NeverAskPassword, product), Format(texts.WhySent, product)]);
    }

    // The event's Email is the account's address after the change; when the alert goes elsewhere it is
    // the copy to the old address, which must say where the account now points.
    private static string IntroFor(Alert alert, AlertTexts texts, KindTexts kind, string product)
    {
        var newAddress = alert.Event.Email;
        var toOldAddress = alert.Kind == AlertKind.EmailChanged
            && !string.IsNullOrWhiteSpace(newAddress)
            && !string.Equals(newAddress.Trim(), alert.Recipient.Trim(), StringComparison.OrdinalIgnoreCase);
        return toOldAddress
            ? Format(texts.EmailChangedToOther, product, Masking.Email(SafeText.Clean(newAddress, SafeText.MaxAddressLength)))
            : Format(kind.Intro, product, alert.Summarizes?.Count ?? 1);
    }

    // The recipient is the address the learner knows the account by: the account's own address, or on the copy to an
    // old address, that old address, which is where they used to receive its mail. Masked, as a forwarded mail may be read by others.
    private static string AccountOf(Alert alert) => Masking.Email(SafeText.Clean(alert.Recipient, SafeText.MaxAddressLength));

    private static List<AlertDetail> DetailsFor(Alert alert, AlertTexts texts, CultureInfo culture)
    {
        var told = alert.Event;
        var details = new List<AlertDetail>
        {
            new(texts.TimeLabel, AlertFacts.LocalTime(told.OccurredAt, alert.LearnerTimeZone, culture)),
        };
        var device = SafeText.Clean(told.Device);
        if (device.Length > 0)
        {
            details.Add(new(texts.DeviceLabel, device));
        }

        if (AlertFacts.Place(told.Place) is { } place)
        {
            details.Add(new(texts.PlaceLabel, place));
        }

        details.Add(new(texts.IpLabel, Masking.Ip(told.Network)));
        return details;
    }

    // One line per held sign-in, labelled by its time: a summary can tell a dozen sign-ins and still be read at a glance.
    // All in one zone, the latest the learner's history gave: they are one learner's, and mixed zones would hide the order.
    private static List<AlertDetail> SummaryDetails(IReadOnlyList<Alert> held, CultureInfo culture)
    {
        var zone = held.Select(h => h.LearnerTimeZone).LastOrDefault(z => z is not null);
        return
        [
            .. held.Select(h => new AlertDetail(
                AlertFacts.LocalTime(h.Event.OccurredAt, zone, culture),
            string.Join(" · ", new[] { SafeText.Clean(h.Event.Device), AlertFacts.Place(h.Event.Place), Masking.Ip(h.Event.Network) }
                    .Where(part => !string.IsNullOrEmpty(part))))),
        ];
    }

    private static string Format(string template, params object[] values) =>
        string.Format(CultureInfo.InvariantCulture, template, values);
}
