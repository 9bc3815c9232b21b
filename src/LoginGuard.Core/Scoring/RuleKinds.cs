using LoginGuard.Scoring.Rules;

namespace LoginGuard.Scoring;

/// <summary>Every kind a rules file may name; docs/rules.md documents the same table.</summary>
internal static class RuleKinds
{
    public const string GroupBy = nameof(RuleDefinition.GroupBy);
    public const string Window = nameof(RuleDefinition.Window);
    public const string Threshold = nameof(RuleDefinition.Threshold);
    public const string Lookback = nameof(RuleDefinition.Lookback);
    public const string MinimumHistory = nameof(RuleDefinition.MinimumHistory);
    public const string RadiusKm = nameof(RuleDefinition.RadiusKm);
    public const string MaxSpeedKmh = nameof(RuleDefinition.MaxSpeedKmh);
    public const string MinimumDistanceKm = nameof(RuleDefinition.MinimumDistanceKm);

    public static readonly string[] KindParameters = [GroupBy, Window, Threshold, Lookback, MinimumHistory, RadiusKm, MaxSpeedKmh, MinimumDistanceKm];

    private static readonly string[] Counting = [GroupBy, Window, Threshold];
    private static readonly string[] NoveltyParameters = [Lookback, MinimumHistory];

    public static IReadOnlyDictionary<string, RuleKind> ByName { get; } = new RuleKind[]
    {
        new("FailedLogins", Counting, [], Enum.GetValues<FailureGroup>(),
            (id, d, s, a) => new FailedLoginsRule(id, s, Group(d), d.Window!.Value, d.Threshold!.Value, a), CountsFailures: true),
        new("DistinctLearnersFailing", Counting, [], [FailureGroup.Address, FailureGroup.Network],
            (id, d, s, a) => new DistinctLearnersFailingRule(id, s, Group(d), d.Window!.Value, d.Threshold!.Value, a), MinimumThreshold: 2, CountsFailures: true),
        new("SuccessAfterFailures", Counting, [], [FailureGroup.Learner, FailureGroup.LearnerAndAddress],
            (id, d, s, a) => new SuccessAfterFailuresRule(id, s, Group(d), d.Window!.Value, d.Threshold!.Value, a), CountsFailures: true),
        new("NewDevice", [], NoveltyParameters, [], (id, d, s, _) => new NewDeviceRule(id, s, NoveltyOf(d)), Novelty: true),
        new("NewDeviceOnNewAddress", [], NoveltyParameters, [], (id, d, s, _) => new NewDeviceOnNewAddressRule(id, s, NoveltyOf(d)), Novelty: true),
        New("NewAddress", NoveltyKind.Address),
        New("NewAsn", NoveltyKind.Asn),
        New("NewCity", NoveltyKind.City),
        New("NewCountry", NoveltyKind.Country),
        new("UnusualDistance", [RadiusKm], NoveltyParameters, [], (id, d, s, _) => new UnusualDistanceRule(id, s, d.RadiusKm!.Value, NoveltyOf(d)), Novelty: true),
        new("ImpossibleTravel", [MaxSpeedKmh, MinimumDistanceKm], [], [],
            (id, d, s, _) => new ImpossibleTravelRule(id, s, d.MaxSpeedKmh!.Value, d.MinimumDistanceKm!.Value)),
        new("AccountChangeAfterRiskyLogin", [Window], [], [], (id, d, s, _) => new AccountChangeAfterRiskyLoginRule(id, s, d.Window!.Value), Novelty: true),
        new("AutomatedClient", [], [], [], (id, _, s, _) => new AutomatedClientRule(id, s)),
    }.ToDictionary(k => k.Name, StringComparer.OrdinalIgnoreCase);

    public static string Names => string.Join(", ", ByName.Keys);

    public static object? ValueOf(RuleDefinition rule, string parameter) => parameter switch
    {
        GroupBy => rule.GroupBy,
        Window => rule.Window,
        Threshold => rule.Threshold,
        Lookback => rule.Lookback,
        MinimumHistory => rule.MinimumHistory,
        RadiusKm => rule.RadiusKm,
        MaxSpeedKmh => rule.MaxSpeedKmh,
        _ => rule.MinimumDistanceKm,
    };

    private static RuleKind New(string name, NoveltyKind kind) =>
        new(name, [], NoveltyParameters, [], (id, d, s, _) => new NewValueRule(id, s, kind, NoveltyOf(d)), Novelty: true);

    public static FailureGroup Group(RuleDefinition rule) => Enum.Parse<FailureGroup>(rule.GroupBy!, ignoreCase: true);

    private static Novelty NoveltyOf(RuleDefinition rule) => new(rule.Lookback, rule.MinimumHistory ?? Novelty.Default.MinimumHistory);
}
