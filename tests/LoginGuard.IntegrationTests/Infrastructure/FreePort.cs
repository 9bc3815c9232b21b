using System.Net;
using System.Net.Sockets;

namespace LoginGuard.IntegrationTests.Infrastructure;

internal static class FreePort
{
    /// <summary>A loopback port nobody listens on right now; servers that cannot take port 0 are started on it.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
