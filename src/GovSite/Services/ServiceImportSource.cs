namespace GovSite.Services;

/// <summary>
/// The provincial service hall's export of service items, and how to read it: where it lies, its
/// format, which column or property holds each field, which department's items go to which site.
/// Items imported from a source are kept in step with it: changed when the export changes,
/// withdrawn when the export no longer lists them.
/// </summary>
public class ServiceImportSource
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public ImportFormat Format { get; set; }

    /// <summary>An http(s) address the scheduled import fetches, or a file path on the server; null: files are uploaded by hand.</summary>
    public string? Location { get; set; }

    /// <summary>"field=column" lines over <see cref="ServiceImportMapping.DefaultMapping"/>.</summary>
    public string Mapping { get; set; } = "";

    /// <summary>"部门名称=网站标识码" lines: a department's items go to its own site; the rest to <see cref="SiteId"/>.</summary>
    public string DepartmentSites { get; set; } = "";

    /// <summary>The site that owns the source and receives the items no department line claims (usually the portal).</summary>
    public int SiteId { get; set; }

    /// <summary>
    /// Complete items go public as imported: the hall's catalogue is reviewed at its source (the
    /// province's 事项清单). Off: every new or changed item waits for a reviewer here.
    /// </summary>
    public bool PublishComplete { get; set; } = true;

    /// <summary>Hours between scheduled imports; 0: only when someone starts one.</summary>
    public int IntervalHours { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime? LastRunAt { get; set; }
}

public enum ImportFormat
{
    Csv,
    Json,
}

/// <summary>One run of an import: its counts, and what changed item by item (<see cref="ImportChange"/> lines as JSON).</summary>
public class ServiceImportRun
{
    public int Id { get; set; }
    public int SourceId { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public string? StartedBy { get; set; }
    public int Rows { get; set; }
    public int Added { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Withdrawn { get; set; }
    public int Rejected { get; set; }

    /// <summary>Items the export lists without all ten elements: kept as drafts (or their earlier text kept public), never published.</summary>
    public int Incomplete { get; set; }
    public int MissingHallLinks { get; set; }
    public string Report { get; set; } = "[]";
    public string? Error { get; set; }
}

public enum ImportChangeKind
{
    Added,
    Updated,
    Withdrawn,
    Rejected,
    Incomplete,
    MissingHallLink,
}

/// <param name="Line">The row's line (CSV) or position (JSON), for rejected rows.</param>
public sealed record ImportChange(ImportChangeKind Kind, string? Code, string? Name, string Detail, int? Line = null);
