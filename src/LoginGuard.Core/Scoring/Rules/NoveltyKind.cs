namespace LoginGuard.Scoring.Rules;

/// <summary>What a <see cref="NewValueRule"/> watches for a first sign-in from.</summary>
internal enum NoveltyKind
{
    Address,
    Asn,
    City,
    Country,
}
