namespace LoginGuard.Enrichment;

internal enum DeviceType
{
    Unknown,
    Desktop,
    Mobile,
    Tablet,
    Bot,
    App,
}
