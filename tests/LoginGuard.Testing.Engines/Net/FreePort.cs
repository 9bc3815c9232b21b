using System.Net;
using System.Net.Sockets;

namespace LoginGuard.Testing.Net;

public static class FreePort
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
            return Pick();
        }
    }

    /// <summary>
    /// As <see cref="Next"/>, and the port <paramref name="offset"/> above it is free as well: a Redis Cluster node
    /// listens for its peers on its port + 10000, and fails to start when that one is taken.
    /// </summary>
    public static int NextWithCompanion(int offset)
    {
        lock (HandedOut)
        {
            while (true)
            {
                var port = Pick();
                var companion = port + offset;
                if (companion <= IPEndPoint.MaxPort && IsFree(companion) && HandedOut.Add(companion))
                {
                    return port;
                }
            }
        }
    }

    private static int Pick()
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

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
