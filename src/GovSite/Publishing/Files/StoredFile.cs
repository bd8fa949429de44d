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

    /// <summary>Uploads per person per minute.</summary>
    public int UploadsPerMinute { get; set; } = 60;
}
