using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace LoginGuard.Scoring;

/// <summary>
/// Reads section <c>Scoring</c> key by key instead of with the configuration binder, which stops at the first
/// value it cannot convert and ignores misspelt keys: here a typo such as <c>Treshold</c> or a value such as
/// <c>"ten"</c> is an error naming its key, and every one of them is reported in the same pass.
/// </summary>
internal static class ScoringConfigReader
{
    public static ScoringOptions Read(IConfiguration configuration, List<string> errors)
    {
        var section = configuration.GetSection(ScoringOptions.Section);
        var options = new ScoringOptions();
        foreach (var child in section.GetChildren())
        {
            switch (child.Key)
            {
                case var k when Is(k, nameof(ScoringOptions.Levels)):
                    options.Levels = ReadObject<LevelThresholds>(child, errors);
                    break;
                case var k when Is(k, nameof(ScoringOptions.Allowlist)):
                    ReadEach(child, options.Allowlist, errors);
                    break;
                case var k when Is(k, nameof(ScoringOptions.Rules)):
                    ReadEach(child, options.Rules, errors);
                    break;
                case var k when Is(k, "Model"):
                    // The trained model's section, bound and validated by AnomalyModelOptions.
                    break;
                default:
                    errors.Add($"{child.Path}: is not a setting; {ScoringOptions.Section} has Levels, Allowlist, Rules and Model.");
                    break;
            }
        }

        return options;
    }

    private static void ReadEach<T>(IConfigurationSection section, SortedDictionary<string, T> into, List<string> errors)
        where T : new()
    {
        foreach (var child in section.GetChildren())
        {
            into[child.Key] = ReadObject<T>(child, errors);
        }
    }

    private static T ReadObject<T>(IConfigurationSection section, List<string> errors)
        where T : new()
    {
        var target = new T();
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToList();
        foreach (var child in section.GetChildren())
        {
            var property = properties.Find(p => Is(p.Name, child.Key));
            if (property is null)
            {
                errors.Add($"{child.Path}: '{child.Key}' is not a parameter; use one of: {string.Join(", ", properties.Select(p => p.Name))}.");
            }
            else if (child.Value is null)
            {
                errors.Add($"{child.Path}: {property.Name} must be a single value, not a section.");
            }
            else if (Convert(child.Value, property.PropertyType) is var (ok, value) && ok)
            {
                property.SetValue(target, value);
            }
            else
            {
                errors.Add($"{child.Path}: {property.Name} must be {Expected(property.PropertyType)} (was '{child.Value}').");
            }
        }

        return target;
    }

    private static (bool Ok, object? Value) Convert(string text, Type type)
    {
        var culture = CultureInfo.InvariantCulture;
        return (Nullable.GetUnderlyingType(type) ?? type) switch
        {
            var t when t == typeof(string) => (true, text),
            var t when t == typeof(bool) => (bool.TryParse(text, out var b), b),
            var t when t == typeof(int) => (int.TryParse(text, NumberStyles.Integer, culture, out var i), i),
            var t when t == typeof(double) => (double.TryParse(text, NumberStyles.Float, culture, out var d) && double.IsFinite(d), d),
            var t when t == typeof(TimeSpan) => (Durations.TryParse(text, out var s), s),
            _ => (false, null),
        };
    }

    private static string Expected(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(bool) => "true or false",
        var t when t == typeof(int) => "a whole number",
        var t when t == typeof(double) => "a number such as 0.5",
        var t when t == typeof(TimeSpan) => Durations.Examples,
        _ => "a text",
    };

    private static bool Is(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
