namespace LoginGuard.Contracts;

internal enum DeviceType
{
    Unknown,
    Desktop,
    Mobile,
    Tablet,
    Bot,
    App,
}
