using GovSite.Data;

namespace GovSite.Publishing.Files;

/// <summary>
/// Where file bytes live: {data}/files/{site id}/{generated name}. Outside the web root, so the
/// only way to read one is the download endpoint with its visibility check.
/// </summary>
public sealed class FileStore(DataOptions data)
{
    public string Root => Path.Combine(data.DataDirectory, "files");

    /// <summary>Copies the content under a new generated name and returns that name (site folder included).</summary>
    public async Task<string> SaveAsync(int siteId, Stream content, string extension, CancellationToken ct)
    {
        var folder = siteId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Directory.CreateDirectory(Path.Combine(Root, folder));
        var storedName = $"{folder}/{Guid.NewGuid():N}{extension}";
        content.Position = 0;
        // Written to a temporary name first: a half-written file is never served.
        var path = PathOf(storedName);
        var partial = path + ".part";
        try
        {
            await using (var target = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(target, ct);
            }
            File.Move(partial, path);
        }
        catch
        {
            // A full disk (or a cancelled upload): no partial file stays behind to fill it further.
            File.Delete(partial);
            throw;
        }
        return storedName;
    }

    public string PathOf(string storedName)
    {
        var path = Path.GetFullPath(Path.Combine(Root, storedName));
        // Stored names are generated, but a bad row must still not reach outside the folder.
        return path.StartsWith(Path.GetFullPath(Root) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new InvalidOperationException("stored name outside the files directory");
    }

    public void Delete(string storedName)
    {
        try
        {
            File.Delete(PathOf(storedName));
        }
        catch (IOException)
        {
            // Left for an operator; the row is gone, so nothing serves it.
        }
    }
}
