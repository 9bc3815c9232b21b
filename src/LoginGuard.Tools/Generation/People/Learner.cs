using System.Net;
using LoginGuard.Tools.Generation.Devices;
using LoginGuard.Tools.Generation.Geo;

namespace LoginGuard.Tools.Generation.People;

/// <summary>
/// A learner and everything about their account that changes as the simulation runs: devices, home
/// address, MFA, and what an attacker has taken from them.
/// </summary>
internal sealed class Learner(string userId, string displayName, string email, string locale, GeoRange home, StudyRhythm rhythm)
{
    public string UserId { get; } = userId;

    public string DisplayName { get; } = displayName;

    public string OriginalEmail { get; } = email;

    public string Email { get; set; } = email;

    public string Locale { get; } = locale;

    public GeoRange Home { get; } = home;

    /// <summary>The range the home line's address comes from: the city's IPv6 range on a dual-stack line.</summary>
    public GeoRange HomeLine { get; set; } = home;

    public IPAddress HomeAddress { get; set; } = IPAddress.None;

    public StudyRhythm Rhythm { get; } = rhythm;

    public List<Device> Devices { get; } = [];

    public bool MfaEnabled { get; set; }

    /// <summary>The hosting range the learner's VPN exits through, for the few who use one.</summary>
    public GeoRange? Vpn { get; set; }

    public Trip? Trip { get; set; }

    /// <summary>The day the learner first signs in, when it is not the window's first (a learner with no history yet).</summary>
    public DateOnly? JoinsOn { get; set; }

    public bool PasswordStolen { get; set; }

    public bool EmailStolen { get; set; }

    public bool MfaStolen { get; set; }

    public bool Deleted { get; set; }

    /// <summary>A label the next sign-in from home carries, such as an ISP handing out a new address.</summary>
    public string? PendingHomeScenario { get; set; }

    public IEnumerable<Device> ActiveDevices => Devices.Where(d => !d.Retired);

    public Device Primary => ActiveDevices.First();

    public bool NeedsRecovery => PasswordStolen || EmailStolen;
}
