using LoginGuard.Activity;
using LoginGuard.Testing;

namespace LoginGuard.IntegrationTests.Activity;

public sealed class InMemoryActivityLogTests : ActivityLogContract
{
    internal override IActivityLog CreateLog() => new InMemoryActivityLog(new StaticOptionsMonitor<ActivityOptions>(Options), Clock);
}
