using System.Net;
using System.Net.Sockets;

namespace Referrals.Testing.Databases;

/// <summary>Asks the kernel for a loopback port nobody uses right now (another process may still take it before we do).</summary>
public static class FreeTcpPort
{
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
