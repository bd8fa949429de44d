using GovSite.Publishing;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Search;

/// <summary>
/// One published article as the search index sees it: what results show and filter on. The
/// tokens themselves live in the backend's own table (see <see cref="ISearchBackend"/>).
/// </summary>
public class SearchDocument
{
    /// <summary>The article's id.</summary>
    public int Id { get; set; }
    public int SiteId { get; set; }
    public string SiteCode { get; set; } = "";
    public int ColumnId { get; set; }
    public ColumnType ColumnType { get; set; }
    public string Title { get; set; } = "";

    /// <summary>关键词: a field of its own in the ranking, between title and body.</summary>
    public string? Keywords { get; set; }

    /// <summary>Plain text of summary, body and the names of attachments, for snippets and the ranking.</summary>
    public string Text { get; set; } = "";
    public string? SubjectCategory { get; set; }
    public string? Issuer { get; set; }
    public PolicyValidity? Validity { get; set; }
    public string? DocNumber { get; set; }
    public string? IndexNumber { get; set; }
    public int Year { get; set; }

    /// <summary>UTC; future times stay out of results until due.</summary>
    public DateTime PublishedAt { get; set; }
    public DateTime IndexedAt { get; set; }
}

/// <summary>One query as typed on one site (SiteId 0: the platform page): popularity and content gaps.</summary>
public class SearchLogEntry
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public string Query { get; set; } = "";
    public int Searches { get; set; }

    /// <summary>Results of the latest search; 0 marks a content gap.</summary>
    public int Results { get; set; }
    public DateTime LastSearchedAt { get; set; }
}

/// <summary>搜索即服务: an answer card shown above results when the query names it.</summary>
public class SearchAnswer
{
    public int Id { get; set; }

    /// <summary>0: every site.</summary>
    public int SiteId { get; set; }
    public string Title { get; set; } = "";

    /// <summary>Words that bring the card up, separated by spaces or commas, in either script.</summary>
    public string Triggers { get; set; } = "";
    public string Answer { get; set; } = "";
    public string? Url { get; set; }
    public string? UrlText { get; set; }
}

/// <summary>
/// 通俗语言: one everyday word and the official terms it also searches (生孩子 → 生育|新生儿出生).
/// Platform admins keep the table in the back office; it only widens queries, so a change needs
/// no re-indexing.
/// </summary>
public class SearchSynonym
{
    public int Id { get; set; }

    /// <summary>Matched anywhere inside a query, after 繁简, width and case folding.</summary>
    public string Everyday { get; set; } = "";

    /// <summary>Official terms separated by "|".</summary>
    public string Official { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// One visitor who searched a query on one site on one day and found something: 热门搜索 counts
/// distinct visitors, never searches. The visitor is a keyed hash of the client's network (IPv4
/// address, IPv6 /64) with the salt of the counting period (<see cref="SearchSalt"/>): one person
/// counts once in a period (at most twice in a window across two), and once the salt is deleted
/// with the old visits nothing links a hash to an address.
/// </summary>
public class SearchVisit
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public string Query { get; set; } = "";
    public DateOnly Day { get; set; }
    public string Visitor { get; set; } = "";
}

/// <summary>The random salt of the visitor hashes of one counting period (<see cref="SearchVisit"/>).</summary>
public class SearchSalt
{
    /// <summary>The period's first day.</summary>
    public DateOnly Since { get; set; }
    public string Salt { get; set; } = "";
}

/// <summary>What a site's admin decided about one 热门搜索 entry (site 0: the platform's search page).</summary>
public class HotSearchRule
{
    public int Id { get; set; }
    public int SiteId { get; set; }

    /// <summary>Folded, as queries are logged.</summary>
    public string Query { get; set; } = "";
    public HotSearchState State { get; set; }

    /// <summary>Order among pinned entries, smallest first.</summary>
    public int Position { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

public enum HotSearchState
{
    /// <summary>置顶: shown first, whatever its visitors.</summary>
    Pinned,

    /// <summary>隐藏: not shown, still counted; the admin may show it again.</summary>
    Hidden,

    /// <summary>屏蔽: never shown, not counted, not offered while typing.</summary>
    Blocked,
}

public static class SearchModel
{
    public static void ConfigureModel(ModelBuilder b)
    {
        b.Entity<SearchDocument>(e =>
        {
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.SiteCode).HasMaxLength(20);
            e.Property(x => x.Title).HasMaxLength(500);
            e.HasIndex(x => new { x.SiteId, x.PublishedAt });
            e.HasIndex(x => x.PublishedAt);
        });
        b.Entity<SearchLogEntry>(e =>
        {
            e.Property(x => x.Query).HasMaxLength(64);
            e.HasIndex(x => new { x.SiteId, x.Query }).IsUnique();
        });
        b.Entity<SearchAnswer>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Triggers).HasMaxLength(500);
            e.Property(x => x.Url).HasMaxLength(500);
            e.Property(x => x.UrlText).HasMaxLength(100);
        });
        b.Entity<SearchVisit>(e =>
        {
            e.Property(x => x.Query).HasMaxLength(64);
            e.Property(x => x.Visitor).HasMaxLength(44);
            e.HasIndex(x => new { x.SiteId, x.Query, x.Day, x.Visitor }).IsUnique();
            e.HasIndex(x => x.Day);
        });
        b.Entity<SearchSalt>(e =>
        {
            e.HasKey(x => x.Since);
            e.Property(x => x.Salt).HasMaxLength(44);
        });
        b.Entity<HotSearchRule>(e =>
        {
            e.Property(x => x.Query).HasMaxLength(64);
            e.Property(x => x.UpdatedBy).HasMaxLength(100);
            e.HasIndex(x => new { x.SiteId, x.Query }).IsUnique();
        });
        b.Entity<SearchSynonym>(e =>
        {
            e.Property(x => x.Everyday).HasMaxLength(64);
            e.Property(x => x.Official).HasMaxLength(500);
            e.HasIndex(x => x.Everyday).IsUnique();
        });
    }
}
