using System.Net;
using System.Net.Sockets;

namespace LoginGuard.IntegrationTests.Infrastructure;

internal static class FreePort
{
    private static readonly HashSet<int> HandedOut = [];

    /// <summary>
    /// A loopback port nobody listens on right now and that no other test in this run was given. Tests stop
    /// servers and restart them on the same port to play an outage; without the second condition a test
    /// running in parallel could take the port in between and receive the other test's traffic.
    /// </summary>
    public static int Next()
    {
        lock (HandedOut)
        {
            while (true)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
