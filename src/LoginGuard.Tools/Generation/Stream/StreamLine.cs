namespace LoginGuard.Tools.Generation.Stream;

/// <summary>One line of the stream and what it is: an event (with its label), a redelivery of one, or a bad line.</summary>
internal sealed record StreamLine(string Text, string? EventId, Label? Label, BadLineKind? BadKind = null)
{
    public bool IsEvent => Label is not null;

    public bool IsDuplicate => BadKind is null && Label is null;

    public static StreamLine Event(string text, string eventId, Label label) => new(text, eventId, label);

    public static StreamLine Duplicate(StreamLine original) => new(original.Text, original.EventId, null);

    public static StreamLine Bad(string text, BadLineKind kind) => new(text, null, null, kind);
}
