using System.Net;
using System.Net.Sockets;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

/// <summary>A loopback port nothing listens on (bound, read, released), so connecting to it is refused.</summary>
public static class ClosedPort
{
    public static int Find()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
