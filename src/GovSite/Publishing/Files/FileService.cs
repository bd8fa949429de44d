using System.Security.Cryptography;
using GovSite.Accounts;
using GovSite.Data;
using GovSite.Publishing.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovSite.Publishing.Files;

/// <summary>A file as lists and the article page show it.</summary>
public sealed record FileLink(int Id, string Name, string Url, string ContentType, string Label, long Size)
{
    public string SizeText => FileTypes.FormatSize(Size);
}

/// <summary>Uploading files and deciding who may read them.</summary>
public sealed class FileService(GovSiteDb db, SiteAccess access, FileStore store, IOptions<FileUploadOptions> options, TimeProvider clock)
{
    public FileUploadOptions Options => options.Value;

    /// <summary>
    /// Stores an upload for a site's staff. The type comes from the bytes; the size limit and
    /// the refusal are said in Chinese under the field "file".
    /// </summary>
    public async Task<SaveResult<StoredFile>> UploadAsync(int siteId, string? fileName, Stream content, CancellationToken ct = default)
    {
        if (!access.CanEditContent(siteId))
        {
            return SaveResult<StoredFile>.Denied();
        }
        var errors = new ValidationErrors();
        var shown = Path.GetFileName(fileName ?? "");
        var max = Options.MaxBytes;
        FileType? type = null;
        if (content.Length == 0)
        {
            errors.Add("file", "请选择要上传的文件（文件不能为空）");
        }
        else if (content.Length > max)
        {
            errors.Add("file", $"文件“{shown}”大小为 {FileTypes.FormatSize(content.Length)}，超过了 {FileTypes.FormatSize(max)} 的上限，请压缩或拆分后再上传");
        }
        else if ((type = FileTypes.Detect(content)) is null)
        {
            var what = UploadChecks.WhatItIs(content) is { } kind ? $"它实际是{kind}，" : "";
            errors.Add("file", $"不能上传文件“{shown}”：{what}只接受 {FileTypes.AcceptedKinds}。文件类型按内容识别，改扩展名无效");
        }
        else if (UploadChecks.Inspect(content, type, Options) is { } problem)
        {
            errors.Add("file", $"不能上传文件“{shown}”：{problem}");
        }
        if (!errors.IsValid)
        {
            return SaveResult<StoredFile>.Invalid(errors);
        }
        content.Position = 0;
        var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, ct));
        string storedName;
        try
        {
            storedName = await store.SaveAsync(siteId, content, type!.Extension, ct);
        }
        catch (IOException ex) when (Common.DiskSpace.IsFull(ex))
        {
            errors.Add("file", $"文件“{shown}”未能保存：服务器存放附件的磁盘空间已满。已填写的内容未丢失，请稍后重新上传，或联系平台管理员清理磁盘");
            return SaveResult<StoredFile>.Invalid(errors);
        }
        var file = new StoredFile
        {
            SiteId = siteId,
            FileName = FileTypes.CleanName(fileName, type),
            StoredName = storedName,
            ContentType = type.ContentType,
            Size = content.Length,
            Sha256 = sha,
            UploadedById = access.UserId,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.StoredFiles.Add(file);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            store.Delete(storedName);
            throw;
        }
        return SaveResult<StoredFile>.Ok(file);
    }

    /// <summary>
    /// Removes files stored moments ago for a form that was then refused as a whole (the rest of
    /// its files, or the form itself): nothing points at them yet, and a refused form keeps nothing.
    /// </summary>
    public async Task DiscardAsync(IReadOnlyCollection<int> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0)
        {
            return;
        }
        var stored = await db.StoredFiles.Where(f => ids.Contains(f.Id)).ToListAsync(ct);
        db.StoredFiles.RemoveRange(stored);
        await db.SaveChangesAsync(ct);
        foreach (var file in stored)
        {
            store.Delete(file.StoredName);
        }
    }

    /// <summary>
    /// The file when this request may read it: the owning site's staff always (drafts, files only
    /// in old versions); anyone else only while a published item of that site lists it among its
    /// current attachments or shows it in its body (an image put in by the editor).
    /// </summary>
    public async Task<(StoredFile File, bool Public)?> FindReadableAsync(int id, CancellationToken ct = default)
    {
        var file = await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (file is null)
        {
            return null;
        }
        var isPublic = await IsPublicAsync(file, ct);
        return isPublic || access.CanSee(file.SiteId) ? (file, isPublic) : null;
    }

    /// <summary>
    /// One query over the site's published items (index on OwnerSiteId, Status), matched in the
    /// database. Attachments is a compact JSON array ("[3,17]"), so an id is found by its
    /// delimiters without parsing JSON, the same way on SQLite and PostgreSQL.
    /// </summary>
    private Task<bool> IsPublicAsync(StoredFile file, CancellationToken ct)
    {
        var id = file.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (only, first, middle, last) = ($"[{id}]", $"[{id},", $",{id},", $",{id}]");
        var inBody = $"/files/{id}/";
        var now = clock.GetUtcNow().UtcDateTime;
        return db.LibraryItems.IgnoreQueryFilters().AnyAsync(i =>
            i.OwnerSiteId == file.SiteId && i.Status == ItemStatus.Published && (i.PublishedAt == null || i.PublishedAt <= now) &&
            (i.Attachments == only || i.Attachments.StartsWith(first) || i.Attachments.Contains(middle) || i.Attachments.EndsWith(last) ||
             i.Body.Contains(inBody)), ct);
    }

    /// <summary>The item's current attachments in its order, for the public article page.</summary>
    public async Task<List<FileLink>> AttachmentsOfItemAsync(int itemId, CancellationToken ct = default)
    {
        var json = await db.LibraryItems.IgnoreQueryFilters().Where(i => i.Id == itemId).Select(i => new { i.Attachments, i.OwnerSiteId })
            .FirstOrDefaultAsync(ct);
        var ids = json is null ? [] : ItemContent.AttachmentIds(json.Attachments);
        if (ids.Count == 0)
        {
            return [];
        }
        var files = await db.StoredFiles.AsNoTracking().Where(f => ids.Contains(f.Id) && f.SiteId == json!.OwnerSiteId).ToListAsync(ct);
        return ids.Select(id => files.FirstOrDefault(f => f.Id == id)).OfType<StoredFile>().Select(Link).ToList();
    }

    /// <summary>Links to the given files of a site, in the order given (a revision's attachment list).</summary>
    public async Task<List<FileLink>> LinksAsync(int siteId, IReadOnlyList<int> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var files = await db.StoredFiles.AsNoTracking().Where(f => ids.Contains(f.Id) && f.SiteId == siteId).ToListAsync(ct);
        return ids.Select(id => files.FirstOrDefault(f => f.Id == id)).OfType<StoredFile>().Select(Link).ToList();
    }

    /// <summary>Attachment ids that are not files of the site: an item may only carry its own site's files.</summary>
    public async Task<List<int>> ForeignIdsAsync(int siteId, IReadOnlyCollection<int> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var own = await db.StoredFiles.Where(f => f.SiteId == siteId && ids.Contains(f.Id)).Select(f => f.Id).ToListAsync(ct);
        return ids.Except(own).ToList();
    }

    public static FileLink Link(StoredFile f) =>
        new(f.Id, f.FileName, f.Url, f.ContentType, LabelOf(f.ContentType), f.Size);

    public static string LabelOf(string contentType) =>
        Known.TryGetValue(contentType, out var t) ? t.Label : "文件";

    private static readonly Dictionary<string, FileType> Known = new[]
    {
        FileTypes.Pdf, FileTypes.Doc, FileTypes.Xls, FileTypes.Ppt, FileTypes.Docx, FileTypes.Xlsx, FileTypes.Pptx, FileTypes.Ofd,
        FileTypes.Png, FileTypes.Jpeg, FileTypes.Gif, FileTypes.Webp, FileTypes.Bmp, FileTypes.Zip, FileTypes.Rar, FileTypes.SevenZip, FileTypes.Gzip,
    }.ToDictionary(t => t.ContentType);

    public static bool ShownInline(string contentType) => Known.TryGetValue(contentType, out var t) && t.ShownInline;
}
