using LoginGuard.Activity;
using LoginGuard.Core.Tests.Support;

namespace LoginGuard.IntegrationTests.Activity;

public sealed class InMemoryActivityLogTests : ActivityLogContract
{
    internal override IActivityLog CreateLog() => new InMemoryActivityLog(new StaticOptionsMonitor<ActivityOptions>(Options), Clock);
}
