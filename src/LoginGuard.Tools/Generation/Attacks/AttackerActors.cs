using System.Net;
using LoginGuard.Tools.Generation.Devices;
using LoginGuard.Tools.Generation.Geo;
using LoginGuard.Tools.Generation.People;

namespace LoginGuard.Tools.Generation.Attacks;

/// <summary>Who attacks from where: a fresh browser abroad, a copy of the victim's own browser at home, or a bot.</summary>
internal sealed class AttackerActors(GeoCatalogue geo)
{
    private readonly IReadOnlyList<GeoRange> cities = geo.Cities;

    /// <summary>A new browser on a computer in a city of another country, at least <paramref name="minKm"/> from the learner.</summary>
    public Actor Abroad(Learner learner, Random random, double minKm = 0)
    {
        var far = cities.Where(c => c.CountryIso != learner.Home.CountryIso && c.KilometresTo(learner.Home) >= minKm).ToList();
        var place = far[random.Next(far.Count)];
        var device = Device.Create(DeviceCatalogue.Computers[random.Next(DeviceCatalogue.Computers.Length)], random);
        var locale = CountryPeople.For(place.CountryIso).Locales[0];
        return Actor.On(device, AddressPicker.Pick(place.Network, random), locale);
    }

    /// <summary>
    /// Someone in the learner's own country replaying the learner's exact user agent (copied from a stolen
    /// session or an info-stealer log); only the device cookie gives them away.
    /// </summary>
    public Actor Lookalike(Learner learner, Random random)
    {
        var nearby = cities.Where(c => c.CountryIso == learner.Home.CountryIso && c.GeoNameId != learner.Home.GeoNameId)
            .Append(geo.MobileRange(learner.Home.CountryIso))
            .OfType<GeoRange>()
            .DefaultIfEmpty(learner.Home)
            .ToList();
        var place = nearby[random.Next(nearby.Count)];
        var copied = learner.Primary;
        return new Actor(AddressPicker.Pick(place.Network, random), copied.UserAgent, DeviceCookies.New(copied.Kind, random), learner.Locale);
    }

    /// <summary>
    /// A copy of the victim's own device (user agent and device type; a cookie of its own) signing in from
    /// <paramref name="range"/>: a residential proxy, the victim's carrier, or a city abroad.
    /// </summary>
    public static Actor Copying(Learner learner, Device copied, GeoRange range, Random random) =>
        new(AddressPicker.Pick(range.Network, random), copied.UserAgent, DeviceCookies.New(copied.Kind, random), learner.Locale);

    /// <summary>A city of another country at least <paramref name="minKm"/> from the learner's home.</summary>
    public GeoRange CityAbroad(Learner learner, Random random, double minKm)
    {
        var far = cities.Where(c => c.CountryIso != learner.Home.CountryIso && c.KilometresTo(learner.Home) >= minKm).ToList();
        return far[random.Next(far.Count)];
    }

    /// <summary>The country-wide carrier range of the learner's country, or their city's range where the sample has none.</summary>
    public GeoRange Carrier(Learner learner) => geo.MobileRange(learner.Home.CountryIso) ?? learner.Home;

    /// <summary>A botnet's addresses: mostly hosting and anonymising ranges, some foreign ISPs, a few unmapped blocks.</summary>
    public List<IPAddress> Botnet(int size, Random random) =>
        Enumerable.Range(0, size).Select(_ => random.NextDouble() switch
        {
            < 0.55 => AddressPicker.Pick(geo.Hosting[random.Next(geo.Hosting.Count)].Network, random),
            < 0.9 => AddressPicker.Pick(cities[random.Next(cities.Count)].Network, random),
            _ => AddressPicker.Pick(UnlistedNetworks.All[random.Next(UnlistedNetworks.All.Length)], random),
        }).ToList();
}
