using System.Text;

namespace LoginGuard.Tools.Generation.People;

/// <summary>
/// Turns a display name into the kind of address a learner signs up with. Only the reserved example
/// domains are used, so a sample can never mail a real person.
/// </summary>
internal static class EmailAddresses
{
    private static readonly string[] Domains = ["example.org", "example.com", "example.net"];

    public static string For(string givenName, string familyName, Random random, ISet<string> taken)
    {
        var given = Fold(givenName);
        var family = Fold(familyName);
        var local = random.Next(4) switch
        {
            0 => $"{given}.{family}",
            1 => $"{given}{family}",
            2 => $"{given[0]}.{family}",
            _ => $"{given}.{family}{random.Next(70, 100)}",
        };
        var domain = Domains[random.Next(Domains.Length)];
        var address = $"{local}@{domain}";
        for (var n = 2; !taken.Add(address); n++)
        {
            address = $"{local}{n}@{domain}";
        }

        return address;
    }

    /// <summary>"Nguyễn Văn" → "nguyenvan", "Müller" → "muller": what learners type when an address can't hold accents.</summary>
    public static string Fold(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name.Replace("đ", "d", StringComparison.Ordinal).Replace("Đ", "D", StringComparison.Ordinal)
                     .Replace("ß", "ss", StringComparison.Ordinal).Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
