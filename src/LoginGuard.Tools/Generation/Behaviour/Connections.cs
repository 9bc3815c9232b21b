using System.Net;
using LoginGuard.Tools.Generation.Devices;
using LoginGuard.Tools.Generation.Geo;
using LoginGuard.Tools.Generation.People;

namespace LoginGuard.Tools.Generation.Behaviour;

/// <summary>Where a learner's request comes from: home line, mobile carrier, VPN exit, or wherever they travelled to.</summary>
internal sealed class Connections(GeoCatalogue geo, Random random)
{
    public (IPAddress Ip, Label? Label) Choose(Learner learner, Device device, DateOnly day)
    {
        if (learner.Trip is { } trip && trip.IsAway(day))
        {
            return (AddressPicker.Pick(trip.Destination.Network, random), Label.Benign("travel"));
        }

        if (learner.Vpn is { } vpn && device.Kind.FormFactor == FormFactor.Computer && random.NextDouble() < 0.3)
        {
            return (AddressPicker.Pick(vpn.Network, random), Label.Benign("vpn"));
        }

        if (device.Kind.FormFactor == FormFactor.Phone && random.NextDouble() < 0.4)
        {
            // Carriers without a country-wide range in the sample hand out addresses from the city's range.
            var carrier = geo.MobileRange(learner.Home.CountryIso) ?? learner.Home;
            return (AddressPicker.Pick(carrier.Network, random), null);
        }

        var pending = learner.PendingHomeScenario;
        learner.PendingHomeScenario = null;
        return (learner.HomeAddress, pending is null ? null : Label.Benign(pending));
    }
}
