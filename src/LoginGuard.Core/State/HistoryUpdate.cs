using LoginGuard.Contracts;

namespace LoginGuard.State;

/// <summary>
/// How one decided event changes a learner's history: the one definition both stores apply. Only
/// successful sign-ins make a device, address or place known, so a stranger's failed guesses never
/// teach LoginGuard that their device is normal.
/// </summary>
internal static class HistoryUpdate
{
    public static LearnerHistory Apply(LearnerHistory history, EnrichedEvent enriched, RiskAssessment assessment, StateOptions options)
    {
        // After a rotation of the hash key, what the event shows of the learner's history moves to the current key.
        history = Rekeying.Rekey(history, enriched);
        var authEvent = enriched.Event;
        var at = authEvent.OccurredAt;
        var updated = history with { RuleFirings = RecordFirings(history.RuleFirings, assessment, at) };
        if (authEvent.Type == AuthEventType.LoginFailed)
        {
            return updated with { Failures = Failures.Add(history.Failures, new FailedAttempt(at, enriched.Keys.Address, authEvent.EventId), options.MaxLearnerFailures, options) };
        }

        if (!authEvent.IsSuccessfulLogin)
        {
            return updated;
        }

        var geo = enriched.Geo;
        var horizon = Latest(history.LastSuccess?.At, at) - options.HistoryLookback;
        var risky = assessment.Level >= RiskLevel.Medium || assessment.Has(RuleIds.NewDevice);
        return updated with
        {
            Devices = Known.Upsert(history.Devices, enriched.Device.Id, at, options.MaxDevices, horizon),
            Agents = enriched.Device.AgentKey.Length == 0 ? history.Agents : Known.Upsert(history.Agents, enriched.Device.AgentKey, at, options.MaxDevices, horizon),
            Addresses = Known.Upsert(history.Addresses, enriched.Keys.Address, at, options.MaxAddresses, horizon),
            Networks = Known.Upsert(history.Networks, enriched.Keys.Network, at, options.MaxNetworks, horizon),
            Countries = geo.CountryIso is { } country ? Known.Upsert(history.Countries, country, at, options.MaxCountries, horizon) : history.Countries,
            Places = Known.UpsertPlace(history.Places, geo, at, options.MaxPlaces, horizon),
            LastSuccess = history.LastSuccess is { } last && last.At > at
                ? last
                : new LastSignIn(at, geo.Latitude, geo.Longitude, geo.AccuracyRadiusKm, geo.CountryIso),
            SuccessfulLogins = history.SuccessfulLogins + 1,
            LastRiskyLoginAt = risky ? Latest(history.LastRiskyLoginAt, at) : history.LastRiskyLoginAt,
        };
    }

    /// <summary>The history as it stood for an event at <paramref name="at"/>: what fell out of the lookback is gone.</summary>
    public static LearnerHistory AsOf(LearnerHistory history, DateTimeOffset at, StateOptions options)
    {
        var horizon = at - options.HistoryLookback;
        return history with
        {
            Devices = Known.Within(history.Devices, horizon),
            Agents = Known.Within(history.Agents, horizon),
            Addresses = Known.Within(history.Addresses, horizon),
            Networks = Known.Within(history.Networks, horizon),
            Countries = Known.Within(history.Countries, horizon),
            Places = history.Places.Where(p => p.LastSeen >= horizon).ToList(),
        };
    }

    private static Dictionary<string, DateTimeOffset> RecordFirings(IReadOnlyDictionary<string, DateTimeOffset> firings, RiskAssessment assessment, DateTimeOffset at)
    {
        var updated = new Dictionary<string, DateTimeOffset>(firings, StringComparer.Ordinal);
        // A zero score is a rule saying it abstained (the model's cold start), not that it fired.
        foreach (var reason in assessment.Reasons.Where(r => !r.Simulated && r.Score > 0))
        {
            updated[reason.Rule] = Latest(updated.TryGetValue(reason.Rule, out var previous) ? previous : null, at);
        }

        return updated;
    }

    private static DateTimeOffset Latest(DateTimeOffset? a, DateTimeOffset b) => a is { } value && value > b ? value : b;
}
