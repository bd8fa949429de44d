using System.Collections.Concurrent;
using System.Text.Json;

namespace GovSite.PublicSite.StaticExport;

/// <summary>
/// Makes a re-export of a folder that is already served all or nothing. Changed files are written
/// beside their targets under temporary names while the pages render; nothing a reader sees
/// changes. When every page is written, one journal file (<see cref="JournalName"/>) lists the
/// renames, the deletions and the new manifest; its own rename is the commit point. Then the
/// renames are applied (milliseconds, no disk space needed) and the journal is deleted.
/// A process killed before the commit point leaves only temporary files, swept by the next export:
/// the previous export stands whole. Killed after it, the next export into the folder first
/// finishes the journal (<see cref="Recover"/>): the committed export stands whole. Either way the
/// work is done once or not at all; the re-export job or the rerun of the command redoes it.
/// </summary>
internal sealed class ExportCommit(string dir)
{
    /// <summary>Starts with a dot: the nginx configurations shipped hide dot files, and push leaves it out.</summary>
    public const string JournalName = ".export-commit";

    private readonly ConcurrentBag<(string Temp, string Target)> staged = [];
    private long sequence;

    private sealed record Journal(List<string[]> Renames, List<string> Deletes);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Writes the new bytes of <paramref name="target"/> (inside the folder, whose folder exists) under a temporary name.</summary>
    public void Stage(string target, byte[] bytes)
    {
        staged.Add((WriteTemp(target, bytes), target));
        Common.FaultPoint.Reach("export.temp-written");
    }

    private string WriteTemp(string target, byte[] bytes)
    {
        var temp = Path.Combine(Path.GetDirectoryName(target)!, string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $".{Path.GetFileName(target)}{AtomicFile.TempSuffix}-{Environment.ProcessId}-{Interlocked.Increment(ref sequence)}"));
        AtomicFile.WriteNew(temp, bytes);
        return temp;
    }

    /// <summary>Deletes what was staged: the run failed (a full disk, a cancelled job) before its commit.</summary>
    public void Discard()
    {
        foreach (var (temp, _) in staged)
        {
            try
            {
                File.Delete(temp);
            }
            catch (IOException)
            {
                // The next export sweeps it (the running marker is still there).
            }
        }
    }

    /// <summary>Stages the manifest, writes the journal (the commit point) and applies it.</summary>
    public void Commit(IEnumerable<string> deletes, ExportManifest manifest)
    {
        var root = Path.GetFullPath(dir);
        var manifestTemp = WriteTemp(Path.Combine(root, ExportManifest.FileName), manifest.Bytes());
        staged.Add((manifestTemp, Path.Combine(root, ExportManifest.FileName)));
        // The manifest last: until it is renamed, it still describes the files a reader can see.
        var renames = staged.Where(s => s.Temp != manifestTemp)
            .Select(s => new[] { Path.GetRelativePath(root, s.Temp), Path.GetRelativePath(root, s.Target) })
            .Append([Path.GetRelativePath(root, manifestTemp), ExportManifest.FileName])
            .ToList();
        var journal = JsonSerializer.SerializeToUtf8Bytes(new Journal(renames, [.. deletes]), Json);
        var temp = Path.Combine(root, JournalName + AtomicFile.TempSuffix);
        try
        {
            using var file = new FileStream(temp, FileMode.Create, FileAccess.Write);
            file.Write(journal);
            file.Flush(flushToDisk: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        File.Move(temp, Path.Combine(root, JournalName), overwrite: true);
        Common.FaultPoint.Reach("export.committed");
        Apply(root);
    }

    /// <summary>Finishes the journal a killed export left (roll forward); nothing to do when there is none.</summary>
    public static void Recover(string dir)
    {
        if (File.Exists(Path.Combine(dir, JournalName)))
        {
            Apply(dir);
        }
    }

    private static void Apply(string dir)
    {
        var path = Path.Combine(dir, JournalName);
        var journal = JsonSerializer.Deserialize<Journal>(File.ReadAllBytes(path), Json)!;
        var inside = Path.GetFullPath(dir).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        string? Inside(string relative) =>
            Path.GetFullPath(Path.Combine(dir, relative)) is var full && full.StartsWith(inside, StringComparison.Ordinal) ? full : null;
        foreach (var rename in journal.Renames)
        {
            // Applied again after a kill: what was moved already is simply not there any more.
            if (Inside(rename[0]) is { } temp && Inside(rename[1]) is { } target && File.Exists(temp))
            {
                File.Move(temp, target, overwrite: true);
                Common.FaultPoint.Reach("export.renamed");
            }
        }
        foreach (var delete in journal.Deletes)
        {
            if (Inside(delete) is { } target && File.Exists(target))
            {
                File.Delete(target);
            }
        }
        File.Delete(path);
    }
}
