using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GovSite.Tests.Nodes;

/// <summary>
/// A GovSite node as an operator runs it: the built program (govsite.dll) in a process of its
/// own, on a port of its own, killed by its process id when the test ends.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;

    public int Port { get; }
    public ConcurrentQueue<string> Output { get; } = new();
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    private NodeProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public static NodeProcess Start(IReadOnlyDictionary<string, string> environment)
    {
        var port = TestPaths.FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "govsite.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        // The test process runs no workers (NoWorkersInTests) and its environment is inherited: a node does.
        start.Environment["GOVSITE_NO_WORKERS"] = "false";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        var process = new Process { StartInfo = start };
        var node = new NodeProcess(process, port);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { node.Output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { node.Output.Enqueue(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>Waits until /health/ready answers 200 (the schema is there and the database answers).</summary>
    public Task WaitReadyAsync(TimeSpan timeout) => TestPaths.WaitReadyAsync(BaseAddress, _process, Output, timeout);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
