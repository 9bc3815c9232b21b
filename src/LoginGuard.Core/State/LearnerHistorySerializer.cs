namespace LoginGuard.State;

/// <summary>
/// A learner's history in a compact binary form for Redis: a full history (10 devices, 20 addresses, 10
/// networks, countries and places, some failures) takes about 1.8 KB where System.Text.Json's default
/// form takes 9.8 KB. Times are kept to the tick; offsets are not (every time comes back as UTC).
/// </summary>
internal static class LearnerHistorySerializer
{
    /// <summary>Bumped when the layout changes; a blob in an unknown format is refused rather than misread.</summary>
    private const byte Format = 2;

    /// <summary>Before agents were kept: still read, as a history with no agents, so an upgrade forgets nothing else.</summary>
    private const byte FormatWithoutAgents = 1;

    [Flags]
    private enum Present : byte
    {
        None = 0,
        LastSuccess = 1,
        LastRiskyLogin = 2,
        Latitude = 4,
        Longitude = 8,
        AccuracyRadius = 16,
        Country = 32,
    }

    public static byte[] Serialize(LearnerHistory history)
    {
        using var stream = new MemoryStream(2048);
        using (var writer = new CompactWriter(stream, Latest(history)))
        {
            writer.Write(Format);
            writer.WriteTime(writer.Base);
            WriteKnown(writer, history.Devices);
            WriteKnown(writer, history.Agents);
            WriteKnown(writer, history.Addresses);
            WriteKnown(writer, history.Networks);
            WriteKnown(writer, history.Countries);
            writer.Write7BitEncodedInt(history.Places.Count);
            foreach (var place in history.Places)
            {
                writer.WriteKey(place.Key);
                writer.Write(place.Latitude);
                writer.Write(place.Longitude);
                writer.Write7BitEncodedInt(place.AccuracyRadiusKm);
                writer.WriteOptionalKey(place.CountryIso);
                writer.WriteDelta(place.FirstSeen);
                writer.WriteDelta(place.LastSeen);
                writer.Write7BitEncodedInt(place.Count);
            }

            var last = history.LastSuccess;
            writer.Write((byte)((last is null ? Present.None : Present.LastSuccess)
                | (history.LastRiskyLoginAt is null ? Present.None : Present.LastRiskyLogin)
                | (last?.Latitude is null ? Present.None : Present.Latitude)
                | (last?.Longitude is null ? Present.None : Present.Longitude)
                | (last?.AccuracyRadiusKm is null ? Present.None : Present.AccuracyRadius)
                | (last?.CountryIso is null ? Present.None : Present.Country)));
            if (last is not null)
            {
                writer.WriteDelta(last.At);
                writer.WriteIf(last.Latitude, writer.Write);
                writer.WriteIf(last.Longitude, writer.Write);
                writer.WriteIf(last.AccuracyRadiusKm, writer.Write7BitEncodedInt);
                writer.WriteIf(last.CountryIso, writer.WriteKey);
            }

            writer.WriteIf(history.LastRiskyLoginAt, writer.WriteDelta);
            writer.Write7BitEncodedInt(history.SuccessfulLogins);
            writer.Write7BitEncodedInt(history.Failures.Count);
            foreach (var failure in history.Failures)
            {
                writer.WriteDelta(failure.At);
                writer.WriteKey(failure.Key);
                writer.WriteKey(failure.EventId);
            }

            writer.Write7BitEncodedInt(history.RuleFirings.Count);
            foreach (var (rule, at) in history.RuleFirings.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                writer.WriteKey(rule);
                writer.WriteDelta(at);
            }
        }

        return stream.ToArray();
    }

    public static LearnerHistory Deserialize(ReadOnlyMemory<byte> blob)
    {
        using var reader = new CompactReader(blob);
        var format = reader.ReadByte();
        if (format is not (Format or FormatWithoutAgents))
        {
            throw new InvalidDataException($"Learner history in format {format} cannot be read; this LoginGuard reads formats {FormatWithoutAgents} and {Format}.");
        }

        reader.Base = reader.ReadTime();
        var devices = ReadKnown(reader);
        var agents = format == Format ? ReadKnown(reader) : [];
        var addresses = ReadKnown(reader);
        var networks = ReadKnown(reader);
        var countries = ReadKnown(reader);
        var places = reader.ReadList(() => new KnownPlace(
            reader.ReadKey(), reader.ReadDouble(), reader.ReadDouble(), reader.Read7BitEncodedInt(), reader.ReadOptionalKey(),
            reader.ReadDelta(), reader.ReadDelta(), reader.Read7BitEncodedInt()));
        var present = (Present)reader.ReadByte();
        var last = present.HasFlag(Present.LastSuccess)
            ? new LastSignIn(
                reader.ReadDelta(),
                present.HasFlag(Present.Latitude) ? reader.ReadDouble() : null,
                present.HasFlag(Present.Longitude) ? reader.ReadDouble() : null,
                present.HasFlag(Present.AccuracyRadius) ? reader.Read7BitEncodedInt() : null,
                present.HasFlag(Present.Country) ? reader.ReadKey() : null)
            : null;
        DateTimeOffset? lastRisky = present.HasFlag(Present.LastRiskyLogin) ? reader.ReadDelta() : null;
        var successfulLogins = reader.Read7BitEncodedInt();
        var failures = reader.ReadList(() => new FailedAttempt(reader.ReadDelta(), reader.ReadKey(), reader.ReadKey()));
        var firings = reader.ReadList(() => KeyValuePair.Create(reader.ReadKey(), reader.ReadDelta()));
        return new LearnerHistory(
            devices, agents, addresses, networks, countries, places, last, successfulLogins, failures, lastRisky,
            new Dictionary<string, DateTimeOffset>(firings, StringComparer.Ordinal));
    }

    private static void WriteKnown(CompactWriter writer, IReadOnlyList<KnownValue> values)
    {
        writer.Write7BitEncodedInt(values.Count);
        foreach (var value in values)
        {
            writer.WriteKey(value.Key);
            writer.WriteDelta(value.FirstSeen);
            writer.WriteDelta(value.LastSeen);
            writer.Write7BitEncodedInt(value.Count);
        }
    }

    private static List<KnownValue> ReadKnown(CompactReader reader) =>
        reader.ReadList(() => new KnownValue(reader.ReadKey(), reader.ReadDelta(), reader.ReadDelta(), reader.Read7BitEncodedInt()));

    /// <summary>Every time is written as its distance back from the latest one, which keeps the numbers small.</summary>
    private static DateTimeOffset Latest(LearnerHistory history) =>
        history.Devices.Concat(history.Agents).Concat(history.Addresses).Concat(history.Networks).Concat(history.Countries).Select(v => v.LastSeen)
            .Concat(history.Places.Select(p => p.LastSeen))
            .Concat(history.Failures.Select(f => f.At))
            .Concat(history.RuleFirings.Values)
            .Append(history.LastSuccess?.At ?? DateTimeOffset.UnixEpoch)
            .Append(history.LastRiskyLoginAt ?? DateTimeOffset.UnixEpoch)
            .Max();
}
