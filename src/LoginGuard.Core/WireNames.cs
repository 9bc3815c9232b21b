namespace LoginGuard;

/// <summary>
/// The names an enum's values carry on the wire (JSON, headers, Redis), both ways. Each contract enum
/// declares its table once; this keeps the lookups, the unknown-name handling and the list of names alike.
/// </summary>
internal sealed class WireNames<TEnum>
    where TEnum : struct, Enum
{
    private readonly Dictionary<string, TEnum> byName;
    private readonly Dictionary<TEnum, string> byValue;

    public WireNames(IReadOnlyDictionary<string, TEnum> names)
    {
        byName = new Dictionary<string, TEnum>(names, StringComparer.Ordinal);
        byValue = byName.ToDictionary(pair => pair.Value, pair => pair.Key);
        var missing = Enum.GetValues<TEnum>().Where(value => !byValue.ContainsKey(value)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"{typeof(TEnum).Name} values without a wire name: {string.Join(", ", missing)}", nameof(names));
        }
    }

    public IEnumerable<string> All => byName.Keys;

    public string NameOf(TEnum value) => byValue[value];

    public bool TryParse(string name, out TEnum value) => byName.TryGetValue(name, out value);

    public TEnum Parse(string name) =>
        byName.TryGetValue(name, out var value) ? value : throw new ArgumentOutOfRangeException(nameof(name), name, $"not a {typeof(TEnum).Name} wire name");
}
