using GovSite.Data;
using GovSite.Publishing;
using GovSite.Search;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Search;

/// <summary>The length-band cut must rank title matches exactly as scoring them all would.</summary>
public class SqliteRankingTests(EmptyPlatformFactory app) : IClassFixture<EmptyPlatformFactory>
{
    [Fact]
    public async Task Cutting_by_title_length_returns_the_same_top_results_as_scoring_every_title_match()
    {
        if (TestDatabase.OnPostgres)
        {
            return; // the bands are SQLite's
        }
        var filler = "江川省人民政府办公厅关于进一步加强生态环境保护工作的通知";
        var ids = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var text = sp.GetRequiredService<SearchText>();
            var backend = new SqliteSearchBackend(db);
            var random = new Random(7);
            var result = new List<int>();
            for (var i = 0; i < 80; i++)
            {
                var id = 900_000 + i;
                var title = "鹈鹕" + filler[..random.Next(2, filler.Length)];
                db.SearchDocuments.Add(new SearchDocument { Id = id, SiteId = 1, SiteCode = "x", ColumnType = ColumnType.News, Title = title, Text = "正文", PublishedAt = DateTime.UtcNow.AddDays(-1), Year = 2026 });
                await db.SaveChangesAsync();
                var (titleTokens, bodyTokens) = text.DocumentTokens(title, null, "正文", null, null);
                await backend.IndexAsync(id, titleTokens, bodyTokens, default);
                result.Add(id);
            }
            return result;
        });
        var plan = SearchText.Default.Parse("鹈鹕");
        var filter = new SearchFilter(DateTime.UtcNow);
        var cut = await app.AsSystemAsync(sp => new SqliteSearchBackend(sp.GetRequiredService<GovSiteDb>()) { FullRankLimit = 10 }
            .SearchAsync(plan, filter, false, 0, 20, default));
        var all = await app.AsSystemAsync(sp => new SqliteSearchBackend(sp.GetRequiredService<GovSiteDb>()) { FullRankLimit = int.MaxValue }
            .SearchAsync(plan, filter, false, 0, 80, default));
        all.Count.ShouldBe(80);
        var bm25 = all.ToDictionary(h => h.Id, h => Math.Round(h.Score, 9));
        cut.Count.ShouldBe(20);
        // Every document the cut keeps scores at least as well by bm25 as every one it drops, in bm25 order.
        var kept = cut.Select(h => bm25[h.Id]).ToList();
        kept.Min().ShouldBeGreaterThanOrEqualTo(all.Where(h => !cut.Any(c => c.Id == h.Id)).Max(h => bm25[h.Id]));
        kept.ShouldBe(kept.OrderByDescending(x => x).ToList());
        ids.ShouldContain(cut[0].Id);
    }
}
