using System.Collections.Concurrent;
using GovSite.Publishing;
using Microsoft.EntityFrameworkCore;

namespace GovSite.PublicSite.StaticExport;

/// <summary>
/// One site's content read once for an export, so that thousands of pages render without a
/// query each: the columns, live theme and topics every page shows and, for a full export,
/// every published article. Read-only once loaded; pages rendered in parallel share it.
/// <see cref="SiteContent"/> answers from it with the same results its queries would give.
/// </summary>
public sealed class SiteSnapshot
{
    private readonly ConcurrentDictionary<int, List<ArticleLink>> _listings = new();

    public required int SiteId { get; init; }
    public required List<Column> Columns { get; init; }
    public required Themes.ThemeSettings Theme { get; init; }
    public required List<Topics.SpecialTopic> Topics { get; init; }

    /// <summary>哀悼日 when the export was read: its pages are grey as the dynamic ones.</summary>
    public bool Mourning { get; init; }

    /// <summary>Null when only a few pages are rendered (incremental export): those query as usual.</summary>
    public Dictionary<int, Article>? Articles { get; init; }
    public ILookup<int, Article>? InterpretationsOf { get; init; }

    public static async Task<SiteSnapshot> LoadAsync(SiteContent content, int siteId, bool allArticles, CancellationToken ct)
    {
        var columns = await content.ColumnsAsync(siteId, ct);
        var theme = await content.ThemeAsync(siteId, false, ct);
        var topics = await content.TopicsAsync(siteId, ct);
        var mourning = await content.MourningAsync(siteId, ct);
        List<Article>? articles = null;
        if (allArticles)
        {
            // The query behind SiteContent.ArticleAsync, for every article at once.
            articles = await content.Published(siteId).Include(a => a.Column).Include(a => a.Interprets).ToListAsync(ct);
        }
        return new SiteSnapshot
        {
            SiteId = siteId, Columns = columns, Theme = theme, Topics = topics, Mourning = mourning,
            Articles = articles?.ToDictionary(a => a.Id),
            InterpretationsOf = articles?.Where(a => a.InterpretsId is not null).ToLookup(a => a.InterpretsId!.Value),
        };
    }

    /// <summary>A column's articles with its sub-columns', newest first, as <see cref="SiteContent.ColumnPageAsync"/> orders them.</summary>
    public List<ArticleLink> Listing(int columnId) => _listings.GetOrAdd(columnId, id =>
    {
        var ids = ColumnService.WithDescendants(Columns, id);
        return [.. Articles!.Values.Where(a => ids.Contains(a.ColumnId))
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Select(a => new ArticleLink(a.Id, a.Title, a.PublishedAt, a.ColumnId))];
    });
}
