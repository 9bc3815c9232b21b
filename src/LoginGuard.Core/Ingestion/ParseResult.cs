using System.Diagnostics.CodeAnalysis;
using LoginGuard.Contracts;

namespace LoginGuard.Ingestion;

/// <summary>Either a validated event or the reason there is none.</summary>
internal readonly record struct ParseResult(AuthEvent? Event, Rejection? Rejection)
{
    [MemberNotNullWhen(true, nameof(Event))]
    [MemberNotNullWhen(false, nameof(Rejection))]
    public bool IsAccepted => Event is not null;

    public static ParseResult Accept(AuthEvent authEvent) => new(authEvent, null);

    public static ParseResult Reject(string reason, string detail, string? field = null) =>
        new(null, new Rejection(reason, detail, field));
}
