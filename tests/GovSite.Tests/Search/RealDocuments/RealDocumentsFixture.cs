using System.Diagnostics;
using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Search;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Search.RealDocuments;

/// <summary>
/// A platform with no demo content and the six sites of the judged corpus, loaded through the
/// import command's write path (<see cref="ArticleImport.ImportAsync"/>: ArticleService in batched
/// transactions, library items, the search index in the writer's transaction), then waited on until
/// the index holds every article. Runs every judged query once through <see cref="SearchService"/>.
/// </summary>
public sealed class RealDocumentsFixture : EmptyPlatformFactory
{
    public IReadOnlyList<CorpusArticle> Corpus { get; private set; } = [];
    public IReadOnlyList<JudgedQuery> Queries { get; private set; } = [];
    public TimeSpan LoadTime { get; private set; }

    private readonly Dictionary<int, CorpusArticle> _byId = [];
    private readonly Dictionary<string, int> _siteIds = new(StringComparer.Ordinal);
    private Task<IReadOnlyList<JudgedResult>>? _results;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var clock = Stopwatch.StartNew();
        Corpus = RealDocumentCorpus.Build(SeedDocuments.Directory);
        Queries = JudgedQueries.Load();
        foreach (var site in RealDocumentCorpus.Sites)
        {
            _siteIds[site.Code] = (await CreateSiteAsync(site.Code, site.Name, site.Type, site.Domain)).Id;
        }
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        // Interpretations link to their policy by id, so policies go in first.
        await ImportAsync(Corpus.Where(a => a.Interprets is null), ids);
        await ImportAsync(Corpus.Where(a => a.Interprets is not null), ids);
        await WaitUntilIndexedAsync();
        foreach (var article in Corpus)
        {
            _byId[ids[article.Key]] = article;
        }
        LoadTime = clock.Elapsed;
    }

    private async Task ImportAsync(IEnumerable<CorpusArticle> articles, Dictionary<string, int> ids)
    {
        foreach (var site in articles.GroupBy(a => a.SiteCode))
        {
            var siteId = _siteIds[site.Key];
            var type = RealDocumentCorpus.Sites.Single(s => s.Code == site.Key).Type;
            var columns = new Dictionary<CorpusColumn, int>();
            foreach (var column in Enum.GetValues<CorpusColumn>())
            {
                columns[column] = await ColumnIdAsync(siteId, ColumnName(column, type));
            }
            var rows = site.Select((a, i) => new ImportRow(i + 1, new ArticleInput
            {
                ColumnId = columns[a.Column],
                Title = a.Title,
                // The seeds and generated articles are plain text, as `govsite import` takes a body without markup.
                Body = HtmlSanitiser.FromPlainText(a.Body),
                PublishedAt = a.PublishedAt,
                Source = a.Source,
                Author = a.Author,
                DocNumber = a.DocNumber,
                Issuer = a.Issuer,
                IndexNumber = a.IndexNumber,
                WrittenDate = a.WrittenDate,
                InterpretsId = a.Interprets is { } key ? ids[key] : null,
                Publish = true,
            }, null)).ToList();
            var report = await AsSystemAsync(sp => sp.GetRequiredService<ArticleImport>().ImportAsync(siteId, rows));
            report.Problems.ShouldBeEmpty(string.Join("; ", report.Problems.Select(p => $"{site.ElementAt(p.Line - 1).Key}: {p.Reason}")));
            report.Imported.ShouldBe(rows.Count);
            var saved = await AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Articles
                .Where(a => a.SiteId == siteId).Select(a => new { a.Id, a.Title }).ToListAsync());
            var byTitle = saved.ToDictionary(a => a.Title, a => a.Id, StringComparer.Ordinal);
            foreach (var article in site)
            {
                ids[article.Key] = byTitle[article.Title];
            }
        }
    }

    private static string ColumnName(CorpusColumn column, SiteType type) => column switch
    {
        CorpusColumn.News => type == SiteType.Portal ? "要闻动态" : "工作动态",
        CorpusColumn.Notice or CorpusColumn.Report => "通知公告",
        CorpusColumn.Policy => "政策文件",
        CorpusColumn.Interpretation => "政策解读",
        CorpusColumn.Guide => "办事指南",
        _ => "领导信箱",
    };

    /// <summary>Indexing happens in the writer's transaction today; the wait keeps the test honest if it ever moves to a queue.</summary>
    private async Task WaitUntilIndexedAsync()
    {
        var waited = Stopwatch.StartNew();
        while (await AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().SearchDocuments.CountAsync()) < Corpus.Count)
        {
            if (waited.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException($"The search index did not reach {Corpus.Count} documents within two minutes.");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>Every judged query through the public search, once per test class.</summary>
    public Task<IReadOnlyList<JudgedResult>> ResultsAsync() => _results ??= RunAsync();

    private async Task<IReadOnlyList<JudgedResult>> RunAsync()
    {
        var results = new List<JudgedResult>();
        foreach (var query in Queries)
        {
            var siteId = query.Site is { } code ? _siteIds[code] : (int?)null;
            var response = await AsSystemAsync(sp => sp.GetRequiredService<SearchService>().SearchAsync(new SearchRequest(query.Query, siteId), log: false));
            var top = response.Results.Take(5).Select(r => _byId.TryGetValue(r.Id, out var a) ? a : null).ToList();
            results.Add(new JudgedResult(query, query.Relevant(Corpus), top, response.Total));
        }
        return results;
    }
}

/// <param name="Top">The first five results; null where search returned something that is not in the corpus.</param>
public sealed record JudgedResult(JudgedQuery Query, IReadOnlyList<CorpusArticle> Relevant, IReadOnlyList<CorpusArticle?> Top, int Total)
{
    public int Hits => Top.Count(a => a is not null && Query.IsRelevant(a));

    /// <summary>As in RelevanceTests: relevant results in the top five, out of min(5, number relevant).</summary>
    public double Precision => (double)Hits / Math.Min(5, Relevant.Count);
}
