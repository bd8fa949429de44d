using System.Text.Json;

namespace GovSite.Publishing.Library;

/// <summary>What a person types into an item: everything but its workflow state.</summary>
public class ItemInput
{
    /// <summary>The column the item is written for (its workflow); only read when the item is created or moved.</summary>
    public int ColumnId { get; set; }
    public string Title { get; set; } = "";
    public string? Subtitle { get; set; }
    public string? Summary { get; set; }
    public string? Body { get; set; }
    public string? Keywords { get; set; }
    public string? Source { get; set; }
    public string? Author { get; set; }
    public string? Issuer { get; set; }
    public string? DocNumber { get; set; }
    public DateOnly? WrittenDate { get; set; }
    public string? SubjectClass { get; set; }
    public string? GenreClass { get; set; }

    /// <summary>公开方式; null keeps the item's (on a new item: 主动公开 for a policy or a disclosure column, else unmarked).</summary>
    public DisclosureMode? Disclosure { get; set; }

    /// <summary>不予公开的理由.</summary>
    public string? DisclosureReason { get; set; }
    public string? Language { get; set; }
    public PolicyValidity? Validity { get; set; }
    public DateOnly? ValidityDate { get; set; }
    public int? InterpretsItemId { get; set; }
    public InterpretationKind? InterpretationKind { get; set; }

    /// <summary>Attachment file ids in display order; null keeps the current ones.</summary>
    public List<int>? Attachments { get; set; }

    /// <summary>The picture that stands for the item (Image meta tag).</summary>
    public string? ImageUrl { get; set; }

    public static ItemInput From(LibraryItem item) => new()
    {
        ColumnId = item.HomeColumnId,
        Title = item.Title,
        Subtitle = item.Subtitle,
        Summary = item.Summary,
        Body = item.Body,
        Keywords = item.Keywords,
        Source = item.Source,
        Author = item.Author,
        Issuer = item.Issuer,
        DocNumber = item.DocNumber,
        WrittenDate = item.WrittenDate,
        SubjectClass = item.SubjectClass,
        GenreClass = item.GenreClass,
        Disclosure = item.Disclosure,
        DisclosureReason = item.DisclosureReason,
        Language = item.Language,
        Validity = item.Validity,
        ValidityDate = item.ValidityDate,
        InterpretsItemId = item.InterpretsItemId,
        InterpretationKind = item.InterpretationKind,
        Attachments = ItemContent.AttachmentIds(item.Attachments),
        ImageUrl = item.ImageUrl,
    };
}

/// <summary>The non-text fields of a version, stored as JSON so adding a field needs no migration.</summary>
public sealed record ItemContent(
    string? Subtitle, string? Summary, string? Keywords, string? Source, string? Author, string? Issuer, string? DocNumber,
    DateOnly? WrittenDate, string? SubjectClass, string? GenreClass, string? Language, PolicyValidity? Validity,
    DateOnly? ValidityDate, int? InterpretsItemId, InterpretationKind? InterpretationKind, List<int>? Attachments,
    int? ColumnId = null, string? ImageUrl = null, DisclosureMode? Disclosure = null, string? DisclosureReason = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ItemContent Of(LibraryItem i) => new(i.Subtitle, i.Summary, i.Keywords, i.Source, i.Author, i.Issuer, i.DocNumber,
        i.WrittenDate, i.SubjectClass, i.GenreClass, i.Language, i.Validity, i.ValidityDate, i.InterpretsItemId, i.InterpretationKind,
        AttachmentIds(i.Attachments), i.HomeColumnId, i.ImageUrl, i.Disclosure, i.DisclosureReason);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ItemContent Parse(string json) =>
        JsonSerializer.Deserialize<ItemContent>(json, Json) ?? new(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    /// <param name="columnId">The column to use when the version does not name one (versions from before it did).</param>
    public ItemInput ToInput(string title, string body, int columnId) => new()
    {
        ColumnId = ColumnId ?? columnId,
        ImageUrl = ImageUrl,
        Disclosure = Disclosure,
        DisclosureReason = DisclosureReason,
        Title = title,
        Body = body,
        Subtitle = Subtitle,
        Summary = Summary,
        Keywords = Keywords,
        Source = Source,
        Author = Author,
        Issuer = Issuer,
        DocNumber = DocNumber,
        WrittenDate = WrittenDate,
        SubjectClass = SubjectClass,
        GenreClass = GenreClass,
        Language = Language,
        Validity = Validity,
        ValidityDate = ValidityDate,
        InterpretsItemId = InterpretsItemId,
        InterpretationKind = InterpretationKind,
        Attachments = Attachments ?? [],
    };

    public static List<int> AttachmentIds(string json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<List<int>>(json, Json) ?? [];

    public static string AttachmentJson(IEnumerable<int> ids) => JsonSerializer.Serialize(ids.Distinct().ToList(), Json);
}
