using LoginGuard.Tools.Generation.Devices;
using LoginGuard.Tools.Generation.Geo;
using LoginGuard.Tools.Generation.Profiles;

namespace LoginGuard.Tools.Generation.People;

/// <summary>Creates learners with a home city from the geo sample (in the profile's countries), a name and locale from that country, and 1–3 devices.</summary>
internal sealed class LearnerFactory(GeoCatalogue geo, Random random, GenerationProfile profile)
{
    private readonly IReadOnlyList<GeoRange> cities = geo.Cities.Where(c => profile.HomeCountries is not { } countries || countries.Contains(c.CountryIso)).ToList();
    private readonly HashSet<string> emails = new(StringComparer.Ordinal);

    public Learner Create()
    {
        var home = cities[random.Next(cities.Count)];
        var people = CountryPeople.For(home.CountryIso);
        var given = people.GivenNames[random.Next(people.GivenNames.Length)];
        var family = people.FamilyNames[random.Next(people.FamilyNames.Length)];
        var learner = new Learner(
            $"usr_{DeviceCookies.Hex(random, 6)}",
            DisplayName(given, family, people),
            EmailAddresses.For(given, family, random, emails),
            people.Locales[random.Next(people.Locales.Length)],
            home,
            StudyRhythm.Create(random))
        {
            MfaEnabled = random.NextDouble() < 0.3,
            Vpn = random.NextDouble() < 0.08 ? VpnExitAbroad(home) : null,
        };
        if (geo.V6RangeOf(home) is { } v6 && random.NextDouble() < 0.4)
        {
            learner.HomeLine = v6;
        }

        learner.HomeAddress = AddressPicker.Pick(learner.HomeLine.Network, random);
        AddDevices(learner);
        return learner;
    }

    // Learners use a VPN to appear elsewhere, so the exit is in another country when the sample has one.
    private GeoRange VpnExitAbroad(GeoRange home)
    {
        var abroad = geo.Hosting.Where(h => h.CountryIso != home.CountryIso).DefaultIfEmpty(geo.Hosting[0]).ToList();
        return abroad[random.Next(abroad.Count)];
    }

    private string DisplayName(string given, string family, CountryPeople people) => random.Next(10) switch
    {
        0 => $"{given} {family[0]}.",
        1 => given,
        _ => people.FamilyNameFirst ? $"{family} {given}" : $"{given} {family}",
    };

    private void AddDevices(Learner learner)
    {
        var roll = random.NextDouble();
        if (roll < 1 - profile.PhoneOnlyShare)
        {
            learner.Devices.Add(Pick(DeviceCatalogue.Computers));
        }

        if (roll >= 1 - profile.PhoneOnlyShare || random.NextDouble() < 0.7)
        {
            learner.Devices.Add(Pick(DeviceCatalogue.Phones));
        }

        if (random.NextDouble() < 0.2)
        {
            learner.Devices.Add(Pick(DeviceCatalogue.Tablets));
        }
    }

    private Device Pick(DeviceKind[] kinds)
    {
        var device = Device.Create(kinds[random.Next(kinds.Length)], random);

        // A few browsers keep no cookie between visits (strict privacy settings), so deviceId is absent.
        if (!device.Kind.IsApp && random.NextDouble() < 0.05)
        {
            device.Cookie = null;
        }

        return device;
    }
}
