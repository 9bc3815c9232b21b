using LoginGuard.Tools.Generation.Devices;
using LoginGuard.Tools.Generation.Geo;
using LoginGuard.Tools.Generation.People;
using LoginGuard.Tools.Generation.Profiles;

namespace LoginGuard.Tools.Generation.Behavior;

/// <summary>
/// The harmless changes a detector must not mistake for an attacker: browsers update, cookies get
/// cleared, apps get reinstalled, phones get replaced, ISPs hand out new addresses, and learners go on trips.
/// </summary>
internal sealed class DailyChanges(GeoCatalogue geo, Random random, GenerationProfile profile)
{
    private readonly IReadOnlyList<GeoRange> cities = geo.Cities;

    public void Apply(Learner learner, DateOnly day)
    {
        foreach (var device in learner.ActiveDevices.ToList())
        {
            if (device.Kind.AutoUpdates && device.Version == device.Kind.Version && random.NextDouble() < 0.06)
            {
                device.Version++;
                device.PendingScenario = "browser-update";
            }

            if (!device.Kind.IsApp && device.Cookie is not null && random.NextDouble() < 0.01 * profile.CookieChurn)
            {
                device.Cookie = DeviceCookies.New(device.Kind, random);
                device.PendingScenario = "cookie-reset";
            }

            // Reinstalling the app mints a new vendor id; rarer than clearing a browser's cookies, but it happens.
            if (device.Kind.IsApp && random.NextDouble() < 0.003 * profile.CookieChurn)
            {
                device.Cookie = DeviceCookies.New(device.Kind, random);
                device.PendingScenario = "app-reinstall";
            }
        }

        if (random.NextDouble() < 0.004)
        {
            ReplacePhone(learner);
        }

        if (random.NextDouble() < 0.02)
        {
            learner.HomeAddress = AddressPicker.Pick(learner.HomeLine.Network, random);
            learner.PendingHomeScenario = "isp-change";
        }

        PlanTrip(learner, day);
    }

    private void ReplacePhone(Learner learner)
    {
        foreach (var old in learner.ActiveDevices.Where(d => d.Kind.FormFactor == FormFactor.Phone))
        {
            old.Retired = true;
        }

        var phone = Device.Create(DeviceCatalogue.NewPhones[random.Next(DeviceCatalogue.NewPhones.Length)], random);
        phone.PendingScenario = "new-phone";
        learner.Devices.Add(phone);
    }

    private void PlanTrip(Learner learner, DateOnly day)
    {
        if (learner.Trip is { } trip && day > trip.ReturnOn)
        {
            learner.Trip = null;
        }

        if (learner.Trip is null && random.NextDouble() < profile.TripChance)
        {
            var destination = cities.Where(c => c.GeoNameId != learner.Home.GeoNameId).ElementAt(random.Next(cities.Count - 1));
            learner.Trip = new Trip(destination, day, day.AddDays(random.Next(3, 8)));
        }
    }
}
