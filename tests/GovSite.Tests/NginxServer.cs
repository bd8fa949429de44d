using System.Diagnostics;

namespace GovSite.Tests;

/// <summary>
/// A throw-away nginx on a loopback port for tests that serve a static export (alone, or with
/// the shipped site configuration in front of GovSite): a prefix directory of its own, the given
/// http-block body, started and stopped with the test.
/// </summary>
public sealed class NginxServer : IAsyncDisposable
{
    private readonly Process process;

    private NginxServer(Process process, int port, string prefix)
    {
        this.process = process;
        Port = port;
        Prefix = prefix;
    }

    public int Port { get; }

    public string Prefix { get; }

    /// <summary>
    /// Starts nginx with <paramref name="http"/> inside its http block (mime types and temp paths
    /// are set here) and waits until it answers on its port; `{port}` in the text is the port.
    /// </summary>
    public static async Task<NginxServer> StartAsync(string parent, Func<int, string, string> http)
    {
        if (!File.Exists("/usr/sbin/nginx"))
        {
            Assert.Fail("nginx is not installed (apt-get install nginx-light)");
        }
        var port = TestPaths.FreePort();
        var prefix = Path.Combine(parent, "nginx-" + port);
        Directory.CreateDirectory(Path.Combine(prefix, "logs"));
        Directory.CreateDirectory(Path.Combine(prefix, "tmp"));
        var conf = Path.Combine(prefix, "nginx.conf");
        await File.WriteAllTextAsync(conf, $$"""
            daemon off;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/logs/error.log;
            events { worker_connections 256; }
            http {
                include /etc/nginx/mime.types;
                access_log off;
                client_body_temp_path {{prefix}}/tmp;
                proxy_temp_path {{prefix}}/tmp;
                fastcgi_temp_path {{prefix}}/tmp;
                uwsgi_temp_path {{prefix}}/tmp;
                scgi_temp_path {{prefix}}/tmp;
            {{http(port, prefix)}}
            }
            """);
        var process = Process.Start(new ProcessStartInfo("/usr/sbin/nginx", ["-p", prefix, "-c", conf])
        {
            RedirectStandardError = true, RedirectStandardOutput = true,
        })!;
        var server = new NginxServer(process, port, prefix);
        // Ready when it accepts connections (a request might be proxied on to a slow upstream).
        for (var i = 0; i < 50 && !process.HasExited; i++)
        {
            try
            {
                using var tcp = new System.Net.Sockets.TcpClient();
                await tcp.ConnectAsync(System.Net.IPAddress.Loopback, port);
                return server;
            }
            catch (System.Net.Sockets.SocketException)
            {
                await Task.Delay(100);
            }
        }
        var errors = process.HasExited ? await process.StandardError.ReadToEndAsync() : "no answer on its port";
        await server.DisposeAsync();
        throw new InvalidOperationException("nginx did not start: " + errors);
    }

    public async ValueTask DisposeAsync()
    {
        // The whole tree: killing the master alone leaves its worker running (and holding
        // whatever the test run inherited, a bench's lock file say).
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
