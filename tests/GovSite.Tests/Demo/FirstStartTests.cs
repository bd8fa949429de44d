using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GovSite.Tests.Demo;

/// <summary>
/// The README's first command as a newcomer meets it: the real program on an empty data directory.
/// A healthy start prints the addresses and accounts and no warning, error or stack trace, also
/// after the platform's first probes of the demo sites.
/// </summary>
public sealed class FirstStartTests
{
    [Fact]
    public async Task A_first_start_is_quiet_and_prints_the_sites_and_the_accounts_of_every_role()
    {
        var data = Path.Combine(Path.GetTempPath(), "govsite-first-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "govsite.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["GOVSITE_DATA"] = data;
        start.Environment["GOVSITE_DB"] = "";
        start.Environment["COLUMNS"] = "200";
        var log = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            var listening = Stopwatch.StartNew();
            while (listening.Elapsed < TimeSpan.FromMinutes(5) && !Text().Contains("Application started", StringComparison.Ordinal))
            {
                process.HasExited.ShouldBeFalse(Text());
                await Task.Delay(500);
            }
            (await http.GetAsync("/healthz")).StatusCode.ShouldBe(HttpStatusCode.OK, Text());
            (await http.GetAsync("/sites/9901210001/")).StatusCode.ShouldBe(HttpStatusCode.OK);
            // The platform's first availability probes of its own sites run in the first minute.
            await Task.Delay(TimeSpan.FromSeconds(20));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
        var text = Text();
        text.ShouldContain("已创建平台管理员 admin");
        text.ShouldContain("清河县人民政府");
        foreach (var account in GovSite.Demo.DemoAccounts.All)
        {
            text.ShouldContain(account.UserName);
        }
        var noisy = text.Split('\n').Where(l => l.StartsWith("warn:", StringComparison.Ordinal) || l.StartsWith("fail:", StringComparison.Ordinal)
            || l.StartsWith("crit:", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal)).ToList();
        noisy.ShouldBeEmpty(text);

        string Text()
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
