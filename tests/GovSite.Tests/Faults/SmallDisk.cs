using System.Diagnostics;

namespace GovSite.Tests.Faults;

/// <summary>
/// A real, small filesystem (tmpfs of a given size) mounted on a folder, to run a disk full:
/// <see cref="FillAsync"/> writes until the kernel says ENOSPC. Needs root (CI runs as root); the
/// test fails saying so otherwise. Unmounted on dispose.
/// </summary>
public sealed class SmallDisk : IAsyncDisposable
{
    public string Path { get; }
    private string Filler => System.IO.Path.Combine(Path, ".filler");

    private SmallDisk(string path) => Path = path;

    public static async Task<SmallDisk> MountAsync(string path, int kilobytes)
    {
        Directory.CreateDirectory(path);
        var (code, output) = await RunAsync("mount", "-t", "tmpfs", "-o", $"size={kilobytes}k,mode=0777", "tmpfs", path);
        if (code != 0)
        {
            throw new InvalidOperationException(
                $"The full-disk tests mount a small tmpfs and need root with mount permission (CI runs as root): mount said {output}");
        }
        return new SmallDisk(path);
    }

    /// <summary>Fills the filesystem to the last block, then frees <paramref name="leaveBytes"/> of it again.</summary>
    public async Task FillAsync(int leaveBytes)
    {
        var block = new byte[4096];
        await using var filler = new FileStream(Filler, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough);
        try
        {
            while (true)
            {
                filler.Write(block);
                filler.Flush();
            }
        }
        catch (IOException)
        {
            // ENOSPC: full.
        }
        filler.SetLength(Math.Max(0, filler.Length - leaveBytes - block.Length));
    }

    public void Free() => File.Delete(Filler);

    private static async Task<(int, string)> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    public async ValueTask DisposeAsync()
    {
        var (code, _) = await RunAsync("umount", Path);
        if (code != 0)
        {
            // Still in use by a process the test killed a moment ago: detach now, freed when it lets go.
            await RunAsync("umount", "-l", Path);
        }
    }
}
