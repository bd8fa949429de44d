namespace GovSite.Publishing.Files;

/// <summary>
/// An uploaded file (附件 or an image in a body). The bytes live in the data directory under
/// <see cref="StoredName"/>, never under the web root; items refer to files by id.
/// </summary>
public class StoredFile
{
    public int Id { get; set; }

    /// <summary>The site whose staff uploaded it; only its items may carry it.</summary>
    public int SiteId { get; set; }

    /// <summary>The original name, cleaned, with the extension of the detected type.</summary>
    public string FileName { get; set; } = "";

    /// <summary>Generated name inside the files directory.</summary>
    public string StoredName { get; set; } = "";

    /// <summary>Decided from the content (<see cref="FileTypes"/>), not from the name.</summary>
    public string ContentType { get; set; } = "";
    public long Size { get; set; }

    /// <summary>Lower-case hex; also the download's ETag.</summary>
    public string Sha256 { get; set; } = "";
    public int? UploadedById { get; set; }
    public DateTime UploadedAt { get; set; }

    public string Url => FilesSetup.UrlOf(Id, FileName);
}

/// <summary>Limits for uploads, from the "Files" configuration section.</summary>
public sealed class FileUploadOptions
{
    /// <summary>Largest file accepted, in bytes (default 50 MB).</summary>
    public long MaxBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Largest picture accepted, in pixels as its header declares them (default 40 megapixels): a pixel flood is refused unread.</summary>
    public long MaxImagePixels { get; set; } = 40_000_000;

    /// <summary>Most entries a zip (docx, xlsx, pptx, OFD included) may hold, nested ones counted.</summary>
    public int MaxArchiveEntries { get; set; } = 1000;

    /// <summary>Most bytes a zip or gzip may expand to, counted while streaming (default 500 MB).</summary>
    public long MaxExpandedBytes { get; set; } = 500L * 1024 * 1024;

    /// <summary>Highest compression ratio of an entry larger than 1 MB expanded (Apache POI uses 100 too).</summary>
    public int MaxCompressionRatio { get; set; } = 100;

    /// <summary>Uploads per person per minute.</summary>
    public int UploadsPerMinute { get; set; } = 60;
}
