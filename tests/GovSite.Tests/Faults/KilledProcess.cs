using System.Collections.Concurrent;
using System.Diagnostics;
using GovSite.Common;

namespace GovSite.Tests.Faults;

/// <summary>
/// The govsite program (a node or a command) in a process of its own, stopped at a
/// <see cref="FaultPoint"/> and killed there with SIGKILL: no shutdown code of the program runs.
/// </summary>
public sealed class KilledProcess : IAsyncDisposable
{
    private readonly Process _process;
    public ConcurrentQueue<string> Output { get; } = new();

    private KilledProcess(Process process) => _process = process;

    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;
    public string Text => string.Join('\n', Output);

    public static KilledProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "govsite.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["COLUMNS"] = "200";
        start.Environment["GOVSITE_NO_WORKERS"] = "false";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        var process = new Process { StartInfo = start };
        var run = new KilledProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { run.Output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { run.Output.Enqueue(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return run;
    }

    /// <summary>Waits until the program says it stopped at <paramref name="point"/>; fails if it exits or takes too long.</summary>
    public async Task WaitForFaultPointAsync(string point, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (Output.Any(l => l.Contains(FaultPoint.Marker + point, StringComparison.Ordinal)))
            {
                return;
            }
            if (_process.HasExited)
            {
                break;
            }
            await Task.Delay(50);
        }
        throw new InvalidOperationException($"never reached fault point {point}:\n{string.Join('\n', Output.TakeLast(40))}");
    }

    /// <summary>A node on a port of its own (`govsite --urls …`).</summary>
    public static KilledProcess StartNode(IReadOnlyDictionary<string, string> environment, out Uri address)
    {
        address = new Uri($"http://127.0.0.1:{TestPaths.FreePort()}");
        return Start(environment, "--urls", address.ToString().TrimEnd('/'));
    }

    /// <summary>Waits until the node's /health/ready answers 200.</summary>
    public Task WaitReadyAsync(Uri address, TimeSpan timeout) => TestPaths.WaitReadyAsync(address, _process, Output, timeout);

    /// <summary>kill -9: the process gets no chance to finish, roll back or clean up.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        // The asynchronous readers may still be delivering the last lines.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
