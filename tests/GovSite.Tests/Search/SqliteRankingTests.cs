using GovSite.Data;
using GovSite.Publishing;
using GovSite.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Search;

/// <summary>SQLite ranks from the index's own order instead of scoring every match; these check the order is bm25's.</summary>
public class SqliteRankingTests(EmptyPlatformFactory app) : IClassFixture<EmptyPlatformFactory>
{
    private Task IndexAsync(int id, string title, string body) => app.AsSystemAsync(async sp =>
    {
        var db = sp.GetRequiredService<GovSiteDb>();
        db.SearchDocuments.Add(new SearchDocument
        {
            Id = id, SiteId = 1, SiteCode = "x", ColumnType = ColumnType.News, Title = title, Text = body,
            PublishedAt = DateTime.UtcNow.AddDays(-1), Year = 2026,
        });
        await db.SaveChangesAsync();
        var (titleTokens, bodyTokens) = sp.GetRequiredService<SearchText>().DocumentTokens(title, null, body, null, null);
        await new SqliteSearchBackend(db).IndexAsync(id, titleTokens, bodyTokens, default);
        return 0;
    });

    private Task<List<SearchHit>> SearchAsync(string query, int take) =>
        app.AsSystemAsync(sp => new SqliteSearchBackend(sp.GetRequiredService<GovSiteDb>())
            .SearchAsync(SearchText.Default.Parse(query), new SearchFilter(DateTime.UtcNow), false, 0, take, default));

    [Fact]
    public async Task Title_matches_in_key_order_are_the_top_of_bm25_over_every_title_match()
    {
        if (TestDatabase.OnPostgres)
        {
            return; // the key order is SQLite's
        }
        var filler = "江川省人民政府办公厅关于进一步加强生态环境保护工作的通知";
        var random = new Random(7);
        for (var i = 0; i < 80; i++)
        {
            await IndexAsync(900_000 + i, "鹈鹕" + filler[..random.Next(2, filler.Length)], "正文");
        }
        var top = await SearchAsync("鹈鹕", 20);
        var bm25 = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Database.SqlQueryRaw<SearchHit>("""
            SELECT 4294967295 - (rowid & 4294967295) AS "Id", -bm25(search_title) AS "Score" FROM search_title WHERE search_title MATCH '"鹈鹕"'
            """).ToListAsync());
        bm25.Count.ShouldBe(80);
        var score = bm25.ToDictionary(h => h.Id, h => Math.Round(h.Score, 9));
        top.Count.ShouldBe(20);
        // Every document kept scores at least as well by bm25 as every one left out, in bm25 order.
        var kept = top.Select(h => score[h.Id]).ToList();
        kept.Min().ShouldBeGreaterThanOrEqualTo(bm25.Where(h => !top.Any(t => t.Id == h.Id)).Max(h => score[h.Id]));
        kept.ShouldBe(kept.OrderByDescending(x => x).ToList());
    }

    [Fact]
    public async Task When_no_title_holds_every_word_a_title_holding_the_rarest_beats_documents_holding_them_only_in_the_body()
    {
        if (TestDatabase.OnPostgres)
        {
            return;
        }
        for (var i = 0; i < 30; i++)
        {
            await IndexAsync(910_000 + i, "年度工作安排" + i, "关于鸬鹚和蜂鸟的观察记录。");
            await IndexAsync(910_200 + i, "蜂鸟图片" + i, "蜂鸟。"); // 蜂鸟 is the commoner word
        }
        await IndexAsync(910_100, "鸬鹚保护工作方案", "附件说明蜂鸟栖息地。");
        var hits = await SearchAsync("鸬鹚 蜂鸟", 10);
        hits.Count.ShouldBe(10);
        hits[0].Id.ShouldBe(910_100);
        hits.Select(h => h.Score).ShouldBe(hits.Select(h => h.Score).OrderByDescending(s => s).ToList());
    }
}
