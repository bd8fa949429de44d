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

    /// <summary>Waits until a started GovSite process answers /health/ready with 200; its last output in the failure.</summary>
    public static async Task WaitReadyAsync(Uri address, System.Diagnostics.Process process, IEnumerable<string> output, TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until && !process.HasExited)
        {
            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new InvalidOperationException($"GovSite on {address} not ready:\n{string.Join('\n', output.TakeLast(40))}");
    }
}
