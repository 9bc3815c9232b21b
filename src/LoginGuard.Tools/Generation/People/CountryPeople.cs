namespace LoginGuard.Tools.Generation.People;

/// <summary>
/// Who learns from each sample country: the locales their browsers send and the names they sign up with.
/// Names keep their diacritics because display names do; <see cref="EmailAddresses"/> folds them.
/// </summary>
internal sealed record CountryPeople(string[] Locales, string[] GivenNames, string[] FamilyNames, bool FamilyNameFirst = false)
{
    private static readonly Dictionary<string, CountryPeople> ByCountry = new(StringComparer.Ordinal)
    {
        ["FR"] = new(["fr-FR", "fr-FR", "fr", "en-GB"], ["Chloé", "Léa", "Hélène", "Théo", "Mathis", "Camille", "Noémie", "François"], ["Dubois", "Lefèvre", "Martin", "Bernard", "Moreau", "Girard", "Rousseau", "Faure"]),
        ["GB"] = new(["en-GB", "en-GB", "en"], ["Oliver", "Amelia", "Siobhan", "Harry", "Priya", "George", "Isla", "Callum"], ["Smith", "O'Brien", "Patel", "Jones", "Taylor", "Evans", "McAllister", "Wright"]),
        ["DE"] = new(["de-DE", "de-DE", "de", "en-US"], ["Zoë", "Jürgen", "Lukas", "Anja", "Maximilian", "Sören", "Lena", "Björn"], ["Müller", "Schröder", "Weiß", "Becker", "Hoffmann", "Köhler", "Krüger", "Fischer"]),
        ["ES"] = new(["es-ES", "es-ES", "es", "ca-ES"], ["José", "María", "Lucía", "Álvaro", "Iñigo", "Sofía", "Jorge", "Nuria"], ["Álvarez", "García", "Fernández", "Muñoz", "Pérez", "Ibáñez", "Ruiz", "Sánchez"]),
        ["PT"] = new(["pt-PT", "pt-PT", "en-GB"], ["João", "Inês", "Tomás", "Beatriz", "Gonçalo", "Leonor"], ["Gonçalves", "Conceição", "Simões", "Ferreira", "Brandão", "Silva"]),
        ["NL"] = new(["nl-NL", "nl-NL", "en-GB"], ["Daan", "Sanne", "Joëlle", "Bram", "Fleur", "Sem"], ["de Vries", "van den Berg", "Jansen", "Bakker", "Visser", "Smit"]),
        ["US"] = new(["en-US", "en-US", "en-US", "es-US"], ["Ashley", "Tyler", "Madison", "DeShawn", "Emily", "Carlos", "Hannah", "Kevin"], ["Johnson", "Williams", "Brown", "Nguyen", "Rodriguez", "Miller", "Davis", "Kowalski"]),
        ["CA"] = new(["en-CA", "en-CA", "fr-CA"], ["Liam", "Émilie", "Noah", "Gabrielle", "Ethan", "Maëlle"], ["Tremblay", "Roy", "Campbell", "Gagnon", "Chen", "MacDonald"]),
        ["BR"] = new(["pt-BR", "pt-BR", "pt"], ["João", "Ana", "Luíza", "Matheus", "Thaís", "Caio", "Letícia", "Vitória"], ["Souza", "Araújo", "Gonçalves", "Oliveira", "Magalhães", "Lima", "Santos", "Conceição"]),
        ["MX"] = new(["es-MX", "es-MX", "es-419"], ["Ximena", "Diego", "Valeria", "Santiago", "Renata", "Emiliano"], ["Hernández", "López", "Martínez", "González", "Ramírez", "Nuñez"]),
        ["CO"] = new(["es-CO", "es-CO", "es-419"], ["Camila", "Andrés", "Daniela", "Sebastián", "Mariana", "Julián"], ["Rodríguez", "Gómez", "Díaz", "Castaño", "Peña", "Ortiz"]),
        ["AR"] = new(["es-AR", "es-AR", "es-419"], ["Martina", "Bautista", "Agustina", "Tomás", "Florencia", "Joaquín"], ["Fernández", "Gutiérrez", "Romero", "Benítez", "Acuña", "Sosa"]),
        ["NG"] = new(["en-NG", "en-GB", "en"], ["Chinedu", "Ngozi", "Oluwaseun", "Aisha", "Emeka", "Funmilayo"], ["Okafor", "Adeyemi", "Bello", "Eze", "Ogunleye", "Abubakar"]),
        ["KE"] = new(["en-KE", "en-GB", "sw-KE"], ["Wanjiru", "Otieno", "Achieng", "Kipchoge", "Njeri", "Mwangi"], ["Kamau", "Odhiambo", "Mutua", "Wafula", "Chebet", "Njoroge"]),
        ["IN"] = new(["en-IN", "en-IN", "hi-IN"], ["Aarav", "Priya", "Ananya", "Rohan", "Sneha", "Vikram", "Ishaan", "Kavya"], ["Sharma", "Iyer", "Patel", "Reddy", "Gupta", "Nair", "Deshpande", "Singh"]),
        ["JP"] = new(["ja-JP", "ja-JP", "en-US"], ["Yūki", "Haruto", "Sakura", "Ren", "Aoi", "Kōta"], ["Satō", "Suzuki", "Takahashi", "Itō", "Watanabe", "Ōno"]),
        ["SG"] = new(["en-SG", "en-SG", "zh-SG"], ["Wei Ling", "Jun Jie", "Siti", "Arjun", "Hui Min", "Darren"], ["Tan", "Lim", "Rahman", "Ng", "Goh", "Krishnan"]),
        ["AU"] = new(["en-AU", "en-AU", "en"], ["Mia", "Jack", "Charlotte", "Lachlan", "Zoë", "Cooper"], ["Wilson", "Thompson", "Walsh", "Nguyen", "Murphy", "O'Connor"]),
        ["RU"] = new(["ru-RU", "ru-RU", "en-US"], ["Anastasia", "Dmitry", "Yekaterina", "Sergei", "Olga", "Artyom"], ["Ivanova", "Smirnov", "Kuznetsova", "Popov", "Volkova", "Sokolov"]),
        ["VN"] = new(["vi-VN", "vi-VN", "en-US"], ["Văn An", "Thị Lan", "Minh Đức", "Thu Hằng", "Quốc Bảo", "Ngọc Ánh"], ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đặng"], FamilyNameFirst: true),
    };

    public static CountryPeople For(string countryIso) =>
        ByCountry.TryGetValue(countryIso, out var people) ? people : ByCountry["US"];
}
