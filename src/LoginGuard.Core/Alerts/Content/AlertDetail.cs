namespace LoginGuard.Alerts.Content;

/// <summary>One labelled fact of a mail: "Device: Chrome 131 on Windows".</summary>
internal sealed record AlertDetail(string Label, string Value);
