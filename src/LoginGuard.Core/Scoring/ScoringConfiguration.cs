using LoginGuard.State;
using Microsoft.Extensions.Configuration;

namespace LoginGuard.Scoring;

/// <summary>Reads and validates section <c>Scoring</c> in one pass: the options when they are good, else every error.</summary>
internal static class ScoringConfiguration
{
    public static (ScoringOptions? Options, List<string> Errors) Load(IConfiguration configuration, StateOptions state)
    {
        var unreadable = new List<string>();
        var options = ScoringConfigReader.Read(configuration, unreadable);
        var errors = unreadable.Concat(ScoringOptionsValidator.Validate(options, state).Where(e => !IsUnreadable(e, unreadable))).ToList();
        return (errors.Count == 0 ? options : null, errors);
    }

    /// <summary>A value that could not be read is not also "missing": one error per mistake.</summary>
    private static bool IsUnreadable(string error, List<string> unreadable) =>
        error.Split(": ", 2) is [var key, var message]
        && message.Split(' ', 2)[0] is var parameter
        && message.Contains(" is required", StringComparison.Ordinal)
        && unreadable.Exists(u => u.StartsWith($"{key}:{parameter}:", StringComparison.OrdinalIgnoreCase));
}
