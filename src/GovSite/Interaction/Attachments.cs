using GovSite.Data;

namespace GovSite.Interaction;

/// <summary>
/// Message attachments: the type is decided by the file's first bytes, never by its name, and the
/// file is kept outside the web root under a generated name.
/// </summary>
public sealed class Attachments(DataOptions data)
{
    private static readonly (string Type, string Extension, byte[] Magic)[] Allowed =
    [
        ("application/pdf", ".pdf", "%PDF-"u8.ToArray()),
        ("image/png", ".png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ("image/jpeg", ".jpg", [0xFF, 0xD8, 0xFF]),
    ];

    public string Directory => Path.Combine(data.DataDirectory, "attachments");

    /// <summary>The content type when the bytes are a PDF, PNG or JPEG; null otherwise.</summary>
    public static (string Type, string Extension)? Detect(ReadOnlySpan<byte> head)
    {
        foreach (var (type, extension, magic) in Allowed)
        {
            if (head.StartsWith(magic))
            {
                return (type, extension);
            }
        }
        return null;
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
