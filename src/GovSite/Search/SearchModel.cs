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

public static class SearchModel
{
    public static void Configure(ModelBuilder b)
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
        b.Entity<SearchSynonym>(e =>
        {
            e.Property(x => x.Everyday).HasMaxLength(64);
            e.Property(x => x.Official).HasMaxLength(500);
            e.HasIndex(x => x.Everyday).IsUnique();
        });
    }
}
