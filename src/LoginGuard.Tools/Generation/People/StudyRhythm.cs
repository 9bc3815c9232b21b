namespace LoginGuard.Tools.Generation.People;

/// <summary>
/// When a learner studies, in their local time: most on weekday evenings or at the weekend, some over
/// lunch or before work. Times are drawn in local time and converted, so a learner in Tokyo and one in
/// Chicago peak at different UTC hours as real traffic does.
/// </summary>
internal sealed record StudyRhythm(double WeekdayChance, double WeekendChance, int PeakHour)
{
    private static readonly int[] PeakHours = [20, 20, 21, 19, 21, 22, 12, 13, 7, 8, 23];

    public static StudyRhythm Create(Random random) =>
        new(0.45 + (random.NextDouble() * 0.5), 0.55 + (random.NextDouble() * 0.43), PeakHours[random.Next(PeakHours.Length)]);

    public IEnumerable<DateTimeOffset> SessionsOn(DateOnly day, TimeZoneInfo zone, Random random)
    {
        var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        if (random.NextDouble() >= (weekend ? WeekendChance : WeekdayChance))
        {
            return [];
        }

        var count = 1 + (random.NextDouble() < 0.7 ? 1 : 0) + (random.NextDouble() < 0.35 ? 1 : 0) + (random.NextDouble() < 0.12 ? 1 : 0);
        return Enumerable.Range(0, count).Select(_ => At(day, LocalHour(weekend, random), zone, random)).Order().ToList();
    }

    private int LocalHour(bool weekend, Random random)
    {
        if (random.NextDouble() < 0.7)
        {
            return Math.Clamp(PeakHour + random.Next(-2, 2), 6, 23);
        }

        return weekend ? random.Next(9, 23) : random.Next(7, 24);
    }

    private static DateTimeOffset At(DateOnly day, int hour, TimeZoneInfo zone, Random random)
    {
        var local = day.ToDateTime(new TimeOnly(hour, random.Next(60), random.Next(60), random.Next(1000)));
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }
}
