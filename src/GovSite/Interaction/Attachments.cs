using GovSite.Data;

namespace GovSite.Interaction;

/// <summary>
/// Message attachments: the type is decided by the file's first bytes, never by its name, and the
/// file is kept outside the web root under a generated name.
/// </summary>
public sealed class Attachments(DataOptions data, Microsoft.Extensions.Options.IOptions<Publishing.Files.FileUploadOptions> limits)
{
    // What a citizen may attach: documents and photos a browser shows, nothing that runs or unpacks.
    private static readonly Publishing.Files.FileType[] Allowed = [Publishing.Files.FileTypes.Pdf, Publishing.Files.FileTypes.Png, Publishing.Files.FileTypes.Jpeg];

    public string Directory => Path.Combine(data.DataDirectory, "attachments");

    /// <summary>The content type when the bytes are a PDF, PNG or JPEG (as the file library recognises them); null otherwise.</summary>
    public static (string Type, string Extension)? Detect(byte[] content) =>
        Publishing.Files.FileTypes.Detect(new MemoryStream(content, writable: false)) is { } type && Allowed.Contains(type)
            ? (type.ContentType, type.Extension)
            : null;

    /// <summary>
    /// Null when the bytes may be kept, else the Chinese reason: not a PDF, PNG or JPEG by its
    /// content (and what it really is, when that is telling), or one that fails the upload checks
    /// (pixel flood, script hidden in the picture, page in the PDF's head).
    /// </summary>
    public string? Refusal(byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        if (Publishing.Files.FileTypes.Detect(stream) is not { } type || !Allowed.Contains(type))
        {
            return Publishing.Files.UploadChecks.WhatItIs(stream) is { } kind ? $"只能是 PDF、PNG 或 JPEG 文件，这个文件实际是{kind}" : "只能是 PDF、PNG 或 JPEG 文件";
        }
        return Publishing.Files.UploadChecks.Inspect(stream, type, limits.Value);
    }

    public async Task<string> SaveAsync(byte[] content, string extension, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = Guid.NewGuid().ToString("N") + extension;
        await File.WriteAllBytesAsync(Path.Combine(Directory, name), content, ct);
        return name;
    }

    public string PathOf(string storedName) => Path.Combine(Directory, Path.GetFileName(storedName));
}

/// <summary>An uploaded file as the form or API hands it over.</summary>
public sealed record AttachmentUpload(string FileName, byte[] Content);
