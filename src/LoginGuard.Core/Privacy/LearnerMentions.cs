namespace LoginGuard.Privacy;

/// <summary>What the stores know of a learner that others keep under keys of their own: their events and the mails those owed.</summary>
internal sealed record LearnerMentions(IReadOnlySet<string> EventIds, IReadOnlySet<string> AlertIds)
{
    public static LearnerMentions None { get; } = new(new HashSet<string>(), new HashSet<string>());

    public static LearnerMentions Of(IEnumerable<string> eventIds, IEnumerable<string> alertIds) =>
        new(eventIds.ToHashSet(StringComparer.Ordinal), alertIds.ToHashSet(StringComparer.Ordinal));

    public static LearnerMentions Union(IEnumerable<LearnerMentions> all)
    {
        var list = all.ToList();
        return Of(list.SelectMany(m => m.EventIds), list.SelectMany(m => m.AlertIds));
    }
}
