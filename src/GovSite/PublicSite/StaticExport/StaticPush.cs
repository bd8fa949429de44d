using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace GovSite.PublicSite.StaticExport;

/// <summary>
/// 内外网分离's last step: the export, written on the internal network, copied to the
/// internet-facing web servers with rsync over SSH (or to a local directory, a mounted share).
/// rsync sends only files whose size or time changed — the exporter leaves unchanged files
/// untouched, so after an edit only the pages it affected travel — and with --delay-updates every
/// changed file takes its place at the end of the transfer, so visitors never meet a page that
/// links an asset not yet copied; deletions follow (--delete-after).
/// </summary>
public static class StaticPush
{
    public sealed record Result(int ExitCode, int Sent, int Deleted, string Errors);

    public static async Task<int> RunAsync(string dir, string target, string ssh, CancellationToken ct)
    {
        Result result;
        if (AnsiConsole.Profile.Capabilities.Interactive)
        {
            result = await AnsiConsole.Status().StartAsync($"推送到 {Markup.Escape(target)} …", _ => PushAsync(dir, target, ssh, ct));
        }
        else
        {
            result = await PushAsync(dir, target, ssh, ct);
        }
        if (result.ExitCode != 0)
        {
            Console.Error.WriteLine($"推送到 {target} 失败（rsync 退出码 {result.ExitCode}）：{result.Errors.Trim()}");
            return 3;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"已推送到 {target}：传送 {result.Sent} 个文件，删除 {result.Deleted} 个"));
        return 0;
    }

    public static async Task<Result> PushAsync(string dir, string target, string ssh, CancellationToken ct)
    {
        var start = new ProcessStartInfo("rsync") { RedirectStandardOutput = true, RedirectStandardError = true };
        // -r -l -t: the tree, links as links, times (so the next push compares); no owners or
        // permissions, which belong to the web server's side. --itemize-changes names each change.
        // What a concurrent re-export is still writing (see ExportCommit) stays here.
        foreach (var arg in new[] { "-rlt", "--delay-updates", "--delete-after", "--itemize-changes",
                     "--exclude=.*" + AtomicFile.TempSuffix + "*", "--exclude=/" + AtomicFile.RunningMarker, "--exclude=/" + ExportCommit.JournalName, "-e", ssh,
                     Path.TrimEndingDirectorySeparator(dir) + "/", target.EndsWith('/') ? target : target + "/" })
        {
            start.ArgumentList.Add(arg);
        }
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return new Result(127, 0, 0, "找不到 rsync：请先安装（apt-get install rsync）");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(ct);
            var errors = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            // "<f+++++++++ path" or ">f.st...... path": a file sent; "*deleting   path": a deletion.
            var sent = lines.Count(l => l.Length > 1 && l[0] is '<' or '>' && l[1] == 'f');
            var deleted = lines.Count(l => l.StartsWith("*deleting", StringComparison.Ordinal) && !l.EndsWith('/'));
            return new Result(process.ExitCode, sent, deleted, await errors);
        }
    }
}
