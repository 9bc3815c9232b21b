using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;

namespace LoginGuard;

/// <summary>
/// Durations as a security engineer writes them: <c>30s</c>, <c>10m</c>, <c>12h</c>, <c>1d</c>, <c>2w</c>, or parts
/// together (<c>1h30m</c>). .NET's own <c>1.00:00:00</c> is still read, so older rules files keep working.
/// </summary>
internal static partial class Durations
{
    public const string Examples = "a duration such as \"10m\", \"12h\" or \"1d\" (also \"1h30m\", or \"00:10:00\")";

    private static readonly Lazy<bool> Registered = new(() =>
    {
        TypeDescriptor.AddAttributes(typeof(TimeSpan), new TypeConverterAttribute(typeof(DurationConverter)));
        return true;
    });

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = Parts().Match(text.Trim());
        if (!parts.Success)
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration);
        }

        foreach (Capture part in parts.Groups["part"].Captures)
        {
            var unit = part.Value.TrimStart("0123456789.".ToCharArray());
            var amount = double.Parse(part.Value[..^unit.Length], CultureInfo.InvariantCulture);
            duration += unit switch
            {
                "ms" => TimeSpan.FromMilliseconds(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                "d" => TimeSpan.FromDays(amount),
                _ => TimeSpan.FromDays(7 * amount),
            };
        }

        return true;
    }

    /// <summary>The shortest way to write it back: <c>90d</c>, <c>1h30m</c>, <c>0s</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }

        if (duration < TimeSpan.Zero)
        {
            return "-" + Format(duration.Negate());
        }

        var text = "";
        foreach (var (unit, size) in new[] { ("d", TimeSpan.FromDays(1)), ("h", TimeSpan.FromHours(1)), ("m", TimeSpan.FromMinutes(1)), ("s", TimeSpan.FromSeconds(1)), ("ms", TimeSpan.FromMilliseconds(1)) })
        {
            var whole = duration.Ticks / size.Ticks;
            if (whole > 0)
            {
                text += whole.ToString(CultureInfo.InvariantCulture) + unit;
                duration -= TimeSpan.FromTicks(whole * size.Ticks);
            }
        }

        return text;
    }

    /// <summary>
    /// Lets the configuration binder read every <see cref="TimeSpan"/> option this way: it converts values
    /// through <see cref="TypeDescriptor"/>. Once per process; later calls do nothing.
    /// </summary>
    public static void AcceptInConfiguration() => _ = Registered.Value;

    [GeneratedRegex(@"^(?<part>\d+(\.\d+)?(ms|s|m|h|d|w))+$")]
    private static partial Regex Parts();

    private sealed class DurationConverter : TimeSpanConverter
    {
        public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
            value is string text && TryParse(text, out var duration)
                ? duration
                : throw new FormatException($"'{value}' is not {Examples}.");
    }
}
