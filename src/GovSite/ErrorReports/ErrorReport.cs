namespace GovSite.ErrorReports;

/// <summary>The kinds of error a person can report (我为政府网站找错).</summary>
public enum ErrorKind
{
    /// <summary>内容错误</summary>
    Content,

    /// <summary>链接错误</summary>
    Link,

    /// <summary>栏目不更新</summary>
    NotUpdated,

    /// <summary>服务不可用</summary>
    ServiceUnavailable,

    /// <summary>互动不回应</summary>
    NoResponse,

    /// <summary>其他</summary>
    Other,

    /// <summary>假冒网站: the report names a site that pretends to be a government site; it opens (or joins) a counterfeit case in Supervision/.</summary>
    Counterfeit,
}

/// <summary>Where a report came from.</summary>
public enum ErrorReportSource
{
    /// <summary>GovSite's own form or API, from the entry on every public page.</summary>
    Site,

    /// <summary>The national platform (全国政府网站找错平台), entered or imported with its own number.</summary>
    NationalPlatform,
}

public enum ErrorReportStatus
{
    /// <summary>待处理: with the handling site, not yet answered.</summary>
    Open,

    /// <summary>已办结: answered.</summary>
    Answered,
}

/// <summary>
/// 找错: a report about an error on a government site. It goes to the site's host unit and its
/// staff, who answer within the region's deadline (2 working days by default), or forward it
/// within 1 working day to the site it belongs to.
/// </summary>
public class ErrorReport
{
    public int Id { get; set; }

    /// <summary>The site the report was made on (or about).</summary>
    public int SiteId { get; set; }

    /// <summary>The site whose staff handle it: the reported site, or the one it was forwarded to.</summary>
    public int HandlingSiteId { get; set; }

    /// <summary>JC20260213482913; reports from the national platform keep theirs in <see cref="ExternalNumber"/>.</summary>
    public string Number { get; set; } = "";

    /// <summary>SHA-256 of the query code; empty for reports entered from the national platform (they follow up there).</summary>
    public string QueryCodeHash { get; set; } = "";
    public ErrorReportSource Source { get; set; }
    public string? ExternalNumber { get; set; }

    /// <summary>The address of the page with the error.</summary>
    public string PageUrl { get; set; } = "";

    /// <summary>The wrong text as the person selected or quoted it (plain text, kept as typed).</summary>
    public string? QuotedText { get; set; }
    public ErrorKind Kind { get; set; }
    public string Description { get; set; } = "";
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? SubmitterIp { get; set; }

    public DateTime ReceivedAt { get; set; }

    /// <summary>The China date of receipt; the deadline counts working days from the day after.</summary>
    public DateOnly ReceivedOn { get; set; }

    /// <summary>The last day to answer, for the handling site.</summary>
    public DateOnly DueDate { get; set; }
    public ErrorReportStatus Status { get; set; }

    /// <summary>Set when forwarded: the site that passed it on, when and why.</summary>
    public int? ForwardedFromSiteId { get; set; }
    public DateOnly? ForwardedOn { get; set; }
    public bool? ForwardedOnTime { get; set; }
    public string? ForwardNote { get; set; }

    public string? Reply { get; set; }
    public string? RepliedBy { get; set; }
    public DateTime? RepliedAt { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool ClosedOnTime => ClosedOn is { } c && c <= DueDate;
}

/// <summary>A region's deadlines for error reports; a region without its own takes its nearest ancestor's, else the defaults.</summary>
public class ErrorReportSettings
{
    public int RegionId { get; set; }

    /// <summary>Working days to answer (Beijing's rule: 2).</summary>
    public int AnswerWorkingDays { get; set; } = 2;

    /// <summary>Working days to forward a report that belongs to another site (the national platform's rule: 1).</summary>
    public int ForwardWorkingDays { get; set; } = 1;
    public DateTime UpdatedAt { get; set; }
}
