using LoginGuard.Contracts;
using LoginGuard.Enrichment.UserAgents;
using LoginGuard.State;

namespace LoginGuard.Scoring.Anomaly;

/// <summary>
/// Turns an event and the state it is scored against into <see cref="LoginFeatures"/>. Pure: the same
/// event and snapshot always give the same vector, in the pipeline and in the trainer's replay.
/// Counts and durations are log-scaled because a tenth failure matters less than a second one.
/// </summary>
internal static class LoginFeatureExtractor
{
    /// <summary>The failure window the model was trained with; part of the feature contract, not a tunable.</summary>
    public static readonly TimeSpan FailureWindow = TimeSpan.FromHours(1);

    /// <summary>Hours since a risky sign-in, or since an agent was last seen, saturate here: a month ago is as good as never.</summary>
    private const double LongAgoHours = 24 * 30;

    /// <param name="population">Who uses which browser and network, from the model's metadata.</param>
    public static LoginFeatures Extract(EnrichedEvent enriched, BehaviorSnapshot snapshot, Population population)
    {
        var authEvent = enriched.Event;
        var at = authEvent.OccurredAt;
        var history = snapshot.Learner;
        var geo = enriched.Geo;
        var since = at - FailureWindow;
        var device = history.Devices.FirstOrDefault(d => d.Key == enriched.Device.Id);
        var agent = enriched.Device.Agent;
        var knownAgent = enriched.Device.AgentKey.Length == 0 ? null : history.Agents.FirstOrDefault(a => a.Key == enriched.Device.AgentKey);
        float[] values =
        [
            Flag(authEvent.Type == AuthEventType.LoginSucceeded),
            Flag(authEvent.Type == AuthEventType.LoginFailed),
            Flag(authEvent.Type is not (AuthEventType.LoginSucceeded or AuthEventType.LoginFailed)),
            Log(history.SuccessfulLogins),
            Flag(device is null),
            Flag(!Knows(history.Addresses, enriched.Keys.Address)),
            Flag(!Knows(history.Networks, enriched.Keys.Network)),
            Flag(Known.PlaceKey(geo) is not { } place || history.Places.All(p => p.Key != place)),
            Flag(geo.CountryIso is not { } country || !Knows(history.Countries, country)),
            Flag(!geo.HasLocation),
            Log(Geography.KilometresFromNearest(geo, history.Places)),
            Log(Geography.TravelSpeedKmh(geo, at, history.LastSuccess)),
            (float)Rhythm.HourDeviation(at, history),
            Log(history.LastSuccess is { } last ? Hours(at - last.At) : 0),
            Log(device is null ? 0 : Hours(at - device.FirstSeen)),
            Log(device?.Count ?? 0),
            Log(history.LastRiskyLoginAt is { } risky ? Math.Min(Hours(at - risky), LongAgoHours) : LongAgoHours),
            Log(history.Failures.Count(f => f.At >= since)),
            Log(DistinctKeys.Count(history.Failures.Where(f => f.At >= since))),
            Log(snapshot.Address.FailuresSince(since)),
            Log(snapshot.Address.DistinctLearnersSince(since)),
            Log(snapshot.Network.FailuresSince(since)),
            Log(snapshot.Network.DistinctLearnersSince(since)),
            Flag(agent.DeviceType is DeviceType.Bot or DeviceType.Unknown || agent.BrowserFamily == UserAgentInfo.UnknownFamily),
            Flag(!enriched.Device.FromDeviceId),
            Log(history.Devices.Count),
            Flag(authEvent.FailureReason == FailureReason.UnknownUser),
            Flag(authEvent.FailureReason == FailureReason.Locked),
            // By system rather than DeviceType, so the platform's app on a phone counts as handheld too.
            Flag(agent.OsFamily is UserAgentFamilies.Android or UserAgentFamilies.Ios or UserAgentFamilies.IPadOs),
            Log(population.LearnersWithAgent(agent)),
            Log(population.LearnersOnNetwork(enriched.Keys.Network)),
            // A new cookie on a known browser or app version is a cleared cookie, a private window, a reinstall
            // or a copied user agent. How long since the agent was last seen is all the state can add: a private
            // window comes minutes after the learner's own use, a cleared cookie or a copy usually later.
            Flag(knownAgent is not null),
            Log(knownAgent is null ? LongAgoHours : Math.Min(Hours(at - knownAgent.LastSeen), LongAgoHours)),
            Flag(agent.DeviceType == DeviceType.App),
        ];
        return new LoginFeatures { Features = values };
    }

    private static bool Knows(IReadOnlyList<KnownValue> values, string key) => values.Any(v => v.Key == key);

    private static float Flag(bool value) => value ? 1f : 0f;

    private static float Log(double value) => (float)Math.Log(1 + Math.Max(0, value));

    private static double Hours(TimeSpan span) => Math.Max(0, span.TotalHours);
}
