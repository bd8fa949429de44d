using System.Globalization;
using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Search;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace GovSite.Tests.Search;

/// <summary>
/// The seed documents and the demo region, plus 2,000 articles built from the seeds' clauses (as
/// the benchmark builds its million), indexed straight into the search tables.
/// </summary>
public sealed class RankingCheckFixture : SeedDocumentsFixture
{
    public const int Generated = 2_000;
    public const int FirstId = 5_000_000;

    public List<string> Titles { get; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // Clauses of the seed texts, as the benchmark cuts them.
        var phrases = Directory.EnumerateFiles(Seeds, "*.txt").SelectMany(f => File.ReadAllText(f)
                .Split(['。', '，', '；', '！', '？', '\n', '、', ',', ';', ':', '：', ' ', '　']))
            .Select(p => p.Trim()).Where(p => p.Length is >= 4 and <= 40 && p.Count(ChineseText.IsHan) * 2 > p.Length).ToList();
        var random = new Random(16);
        var issuers = new[] { "国办发", "国办函", "粤府办", "江府办", "京政办发" };
        await AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var backend = sp.GetRequiredService<ISearchBackend>();
            var text = sp.GetRequiredService<SearchText>();
            await using var tx = await db.Database.BeginTransactionAsync();
            for (var i = 0; i < Generated; i++)
            {
                var title = phrases[random.Next(phrases.Count)];
                if (title.Length < 12)
                {
                    title += phrases[random.Next(phrases.Count)];
                }
                title = title.Length > 40 ? title[..40] : title;
                // Some articles dwell on one clause, as a document about something repeats it.
                var dwelt = phrases[random.Next(phrases.Count)];
                var body = string.Join("，", Enumerable.Range(0, random.Next(6, 30))
                    .Select(k => k % 5 == 0 && i % 3 == 0 ? dwelt : phrases[random.Next(phrases.Count)])) + "。";
                var docNumber = i % 25 == 0 ? $"{issuers[random.Next(issuers.Length)]}〔{random.Next(2014, 2019)}〕{random.Next(1, 60)}号" : null;
                if (i % 7 == 0)
                {
                    body += $"根据{issuers[random.Next(issuers.Length)]}〔{random.Next(2014, 2019)}〕{random.Next(1, 60)}号要求。";
                }
                var document = new SearchDocument
                {
                    Id = FirstId + i, SiteId = SiteId, SiteCode = Code, ColumnType = ColumnType.News, Title = title, Text = body,
                    DocNumber = docNumber, PublishedAt = new DateTime(2015, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(random.Next(0, 10 * 365 * 24)),
                    IndexedAt = DateTime.UtcNow, Year = 2020,
                };
                db.SearchDocuments.Add(document);
                var (titleTokens, bodyTokens) = text.DocumentTokens(title, null, body, docNumber, null);
                await backend.IndexAsync(document.Id, titleTokens, bodyTokens, default);
                Titles.Add(title);
            }
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            return 0;
        });
    }
}

/// <summary>
/// The candidate windows (what makes a million documents fast) against the ranking applied to
/// every match, over the seeds, the demo region and 2,000 articles built from the seeds.
/// </summary>
public class RankingCheckTests(RankingCheckFixture app, ITestOutputHelper output) : IClassFixture<RankingCheckFixture>
{
    /// <summary>The demo's judged queries and the issue's.</summary>
    private static List<string> Judged() =>
    [
        .. RelevanceTests.Judged.Select(j => j.Query),
        "国办发〔2014〕57号", "国办函〔2018〕12号", "hanyongwen", "jiyuehua", "集约化", "交社保", "孩子上学要办什么", "韩永闻",
        "政府网站", "政府网站 年度报表", "信息公开", "zhengfuwangzhan", "互动交流", "网站 集约化 建设", "政府網站", "wzjs",
    ];

    /// <summary>
    /// 2-character, 4-character, two-word and pinyin queries cut from the generated titles, as the
    /// benchmark cuts them; not those left with a single character (的服 is 服 once its particle
    /// goes), which have no focus marks to find the documents that repeat them.
    /// </summary>
    private List<string> Cut()
    {
        var queries = new List<string>();
        var random = new Random(7);
        string Run(int length)
        {
            while (true)
            {
                var title = app.Titles[random.Next(app.Titles.Count)];
                if (title.Length >= length)
                {
                    var start = random.Next(title.Length - length + 1);
                    var run = title.Substring(start, length);
                    if (run.All(ChineseText.IsHan))
                    {
                        return run;
                    }
                }
            }
        }
        for (var i = 0; i < 25; i++)
        {
            queries.Add(Run(2));
            queries.Add(Run(4));
            queries.Add(Run(2) + " " + Run(3));
            queries.Add(Pinyin.Spellings(ChineseText.Fold(Run(3))).FirstOrDefault() ?? Run(2));
        }
        return [.. queries.Where(q => SearchText.Default.Parse(q).Terms.All(t => SearchText.Focus(t, 1) is not null))];
    }

    private sealed record Comparison(string Query, List<RankedDocument> Windows, List<RankedDocument> Every, bool Windowed)
    {
        public bool Same => Windows.Select(r => r.Document.Id).SequenceEqual(Every.Select(r => r.Document.Id));

        /// <summary>The lowest, over the ten places, of the windows' score over the reference's at that place.</summary>
        public double WorstRatio => Every.Count == 0 ? 1 : Enumerable.Range(0, Every.Count)
            .Min(i => i < Windows.Count ? Windows[i].Score / Every[i].Score : 0);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Query}: windows [{string.Join(',', Windows.Select(r => r.Document.Id))}] every match [{string.Join(',', Every.Select(r => r.Document.Id))}] worst score ratio {WorstRatio:0.000}");
    }

    private async Task<List<Comparison>> CompareAsync(List<string> queries, int depth)
    {
        var comparisons = new List<Comparison>();
        foreach (var query in queries)
        {
            comparisons.Add(await app.AsSystemAsync(async sp =>
            {
                var search = sp.GetRequiredService<SearchService>();
                var plan = sp.GetRequiredService<SearchText>().Parse(query);
                var filter = new SearchFilter(DateTime.UtcNow);
                var windows = await search.RankAsync(plan, filter, everyMatch: false, depth: depth);
                var every = await search.RankAsync(plan, filter, everyMatch: true);
                return new Comparison(query, [.. windows.Ranked.Take(10)], [.. every.Ranked.Take(10)], !windows.Complete);
            }));
        }
        var differ = comparisons.Where(c => !c.Same).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"depth {depth}: {comparisons.Count} queries, {comparisons.Count(c => c.Windowed)} ranked from windows, {differ.Count} with another top ten"));
        foreach (var d in differ)
        {
            output.WriteLine(d.ToString());
        }
        return comparisons;
    }

    [Fact]
    public async Task On_the_judged_queries_the_windows_give_the_same_top_ten_as_ranking_every_match()
    {
        var comparisons = await CompareAsync(Judged(), SearchService.RankingDepth);
        comparisons.Count(c => c.Windowed).ShouldBeGreaterThanOrEqualTo(8);
        comparisons.Where(c => !c.Same).ShouldBeEmpty();
    }

    /// <summary>
    /// Queries cut at random from titles (a bigram across two words, a single character after
    /// trimming) on a corpus that repeats the same clauses: the top ten of a common word is then
    /// many near-equal documents, and the windows may pick others of the same score.
    /// </summary>
    [Fact]
    public async Task On_queries_cut_from_titles_the_windows_top_ten_is_the_same_or_as_good()
    {
        var comparisons = await CompareAsync(Cut(), SearchService.RankingDepth);
        comparisons.Count(c => c.Windowed).ShouldBeGreaterThanOrEqualTo(8);
        comparisons.Count(c => c.Same).ShouldBeGreaterThanOrEqualTo((int)(0.95 * comparisons.Count));
        comparisons.ShouldAllBe(c => c.WorstRatio >= 0.97, string.Join(Environment.NewLine, comparisons.Where(c => c.WorstRatio < 0.97)));
    }

    /// <summary>Windows of 20 on 2,000 documents, about the share a window of 100 is of a common word's matches at a million.</summary>
    [Fact]
    public async Task With_narrow_windows_the_top_ten_stays_close()
    {
        var comparisons = await CompareAsync([.. Judged(), .. Cut()], 20);
        comparisons.Count(c => c.Windowed).ShouldBeGreaterThanOrEqualTo(30);
        comparisons.ShouldAllBe(c => c.WorstRatio >= 0.9, string.Join(Environment.NewLine, comparisons.Where(c => c.WorstRatio < 0.9)));
    }
}
