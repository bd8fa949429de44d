using System.Net;
using System.Net.Sockets;

namespace GovSite.Tests;

/// <summary>Where the repository is (tests read shipped files: docs, deploy recipes) and a free loopback port.</summary>
public static class TestPaths
{
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GovSite.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("GovSite.slnx not found above " + AppContext.BaseDirectory);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
