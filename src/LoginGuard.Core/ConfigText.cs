namespace LoginGuard;

internal static class ConfigText
{
    /// <summary>How a configured value appears in a validation message: quoted, so blanks and spaces show.</summary>
    public static string Quote(string? value) => value is null ? "nothing" : $"\"{value}\"";
}
