using LoginGuard.Tools.Generation.Geo;

namespace LoginGuard.Tools.Generation.People;

/// <summary>A real journey: nothing on the travel days, then sign-ins from the destination in its own local time.</summary>
internal sealed record Trip(GeoRange Destination, DateOnly DepartOn, DateOnly ReturnOn)
{
    public bool IsTravelDay(DateOnly day) => day == DepartOn || day == ReturnOn;

    public bool IsAway(DateOnly day) => day > DepartOn && day < ReturnOn;
}
