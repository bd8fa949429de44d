using GovSite.Common;

namespace GovSite.Publishing;

/// <summary>
/// 文章: content placed in one column. Policy documents (政策文件) use the policy fields;
/// an interpretation (解读) points at the policy it explains through <see cref="InterpretsId"/>.
/// </summary>
public class Article
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public int ColumnId { get; set; }
    public Column? Column { get; set; }
    public string Title { get; set; } = "";

    /// <summary>Sanitised HTML; never store what the browser sent without passing it through HtmlSanitiser.</summary>
    public string Body { get; set; } = "";
    public string? Summary { get; set; }
    public string? Source { get; set; }
    public string? Author { get; set; }
    public string? Keywords { get; set; }
    public string? ImageUrl { get; set; }
    public ArticleStatus Status { get; set; }

    /// <summary>UTC. A published article with a future time stays hidden until then.</summary>
    public DateTime? PublishedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int? CreatedById { get; set; }
    public int? UpdatedById { get; set; }

    /// <summary>索引号</summary>
    public string? IndexNumber { get; set; }

    /// <summary>发文机关</summary>
    public string? Issuer { get; set; }

    /// <summary>文号, e.g. 国办发〔2014〕57号</summary>
    public string? DocNumber { get; set; }

    /// <summary>成文日期</summary>
    public DateOnly? WrittenDate { get; set; }

    /// <summary>主题分类</summary>
    public string? SubjectCategory { get; set; }

    /// <summary>有效性; null for articles that are not policy documents.</summary>
    public PolicyValidity? Validity { get; set; }

    /// <summary>体裁分类, copied from the item.</summary>
    public string? GenreClass { get; set; }

    /// <summary>公开方式, copied from the item: only 主动公开 placements are in the 政府信息公开目录.</summary>
    public DisclosureMode? Disclosure { get; set; }
    public int? InterpretsId { get; set; }
    public Article? Interprets { get; set; }

    /// <summary>The library item this placement shows; its content is a copy of the item's.</summary>
    public int? ItemId { get; set; }
    public Library.LibraryItem? Item { get; set; }

    /// <summary>For a reprint (转载): the site it came from and the original's address.</summary>
    public int? ReprintedFromSiteId { get; set; }
    public string? OriginalUrl { get; set; }

    public bool IsPolicyDocument => DocNumber is not null || Issuer is not null || IndexNumber is not null;
}

public enum ArticleStatus
{
    Draft,
    Published,
    Withdrawn,
}

/// <summary>
/// 公开方式: how a piece of government information is disclosed, decided when it is entered.
/// Null means not yet marked (items from before the choice existed that were neither policies
/// nor in a disclosure column); such items are not in the catalogue.
/// </summary>
public enum DisclosureMode
{
    /// <summary>主动公开</summary>
    Proactive,

    /// <summary>依申请公开</summary>
    OnRequest,

    /// <summary>不予公开 (with its reason)</summary>
    NotDisclosed,
}

public enum PolicyValidity
{
    Valid,
    Expired,
    Repealed,
}
