using System.Net;
using LoginGuard.Tools.Generation.Devices;
using LoginGuard.Tools.Generation.Geo;
using LoginGuard.Tools.Generation.People;
using LoginGuard.Tools.Generation.Profiles;

namespace LoginGuard.Tools.Generation.Behavior;

/// <summary>Where a learner's request comes from: home line, mobile carrier, VPN exit, or wherever they travelled to.</summary>
internal sealed class Connections(GeoCatalogue geo, Random random, GenerationProfile profile)
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

        if (device.Kind.FormFactor == FormFactor.Phone && random.NextDouble() < profile.CarrierShare)
        {
            return (CarrierAddress(learner), null);
        }

        // A laptop shares its owner's phone connection now and then (on a train, when the home line is
        // down): carrier addresses are not a phone's alone, and a model must not learn that they are.
        if (device.Kind.FormFactor == FormFactor.Computer && learner.ActiveDevices.Any(d => d.Kind.FormFactor == FormFactor.Phone) && random.NextDouble() < 0.05)
        {
            return (CarrierAddress(learner), Label.Benign("tethering"));
        }

        var pending = learner.PendingHomeScenario;
        learner.PendingHomeScenario = null;
        return (learner.HomeAddress, pending is null ? null : Label.Benign(pending));
    }

    // Behind carrier-grade NAT many subscribers share a few addresses, so one learner's neighbour's typos
    // count against the address they both use.
    private System.Net.IPAddress CarrierAddress(Learner learner) => profile.CarrierNatAddresses > 0
        ? AddressPicker.PickFromPool(Carrier(learner).Network, profile.CarrierNatAddresses, random)
        : AddressPicker.Pick(Carrier(learner).Network, random);

    // Carriers without a country-wide range in the sample hand out addresses from the city's range.
    private GeoRange Carrier(Learner learner) => geo.MobileRange(learner.Home.CountryIso) ?? learner.Home;
}
