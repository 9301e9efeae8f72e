using System.Net;
using System.Net.Sockets;

namespace Annuaire.Web.Tests.Replicas;

/// <summary>Loopback ports for servers started by tests.</summary>
internal static class LoopbackPort
{
    /// <summary>A port the system just gave out and took back: free now, and nobody listens on it.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
