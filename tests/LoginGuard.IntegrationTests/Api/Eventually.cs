using System.Net;

namespace LoginGuard.IntegrationTests.Api;

/// <summary>Polls an endpoint until it answers as expected or five seconds pass: reconnections and metric exports take a moment.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path, HttpStatusCode expected)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            using var response = await client.GetAsync(path);
            if (response.StatusCode == expected || DateTime.UtcNow > deadline)
            {
                return response.StatusCode;
            }

            await Task.Delay(100);
        }
    }

    public static async Task<string> TextAsync(HttpClient client, string path, string containing)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var text = await client.GetStringAsync(path);
            if (text.Contains(containing, StringComparison.Ordinal) || DateTime.UtcNow > deadline)
            {
                return text;
            }

            await Task.Delay(100);
        }
    }
}
