using System.Net.Http.Json;
using System.Text.Json;
using GovSite.Data;
using GovSite.Publishing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Search;

/// <summary>A database indexed by an earlier release is indexed again in the current layout when the server starts.</summary>
public class SearchLayoutTests(EmptyPlatformFactory app) : IClassFixture<EmptyPlatformFactory>
{
    // The layouts as earlier releases created them.
    private static readonly Dictionary<string, string> Earlier = new()
    {
        ["search_fts"] = """
            DROP TABLE search_text; DROP TABLE search_title; DROP TABLE search_layout;
            CREATE VIRTUAL TABLE search_fts USING fts5(title, body, tokenize = 'ascii', detail = 'column');
            """,
        ["banded search_title"] = """
            DROP TABLE search_title; DROP TABLE search_layout;
            CREATE VIRTUAL TABLE search_title USING fts5(title, band, tokenize = 'ascii', content = '', contentless_delete = 1, detail = 'full');
            INSERT INTO search_title (search_title, rank) VALUES ('rank', 'bm25(1.0, 0.0)');
            INSERT INTO search_title (rowid, title, band) SELECT "Id", '鹦鹉', 'zle24' FROM "SearchDocuments";
            """,
    };

    private static async Task<List<string?>> TitlesAsync(HttpClient client, string q) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/v1/search?q={Uri.EscapeDataString(q)}"))
            .GetProperty("results").EnumerateArray().Select(r => r.GetProperty("title").GetString())];

    [Theory]
    [InlineData("search_fts", "3704000001")]
    [InlineData("banded search_title", "3704000002")]
    public async Task An_earlier_layout_is_replaced_and_everything_indexed_again_at_start_up(string layout, string siteCode)
    {
        if (TestDatabase.OnPostgres)
        {
            return; // the FTS5 layouts are SQLite's
        }
        var site = await app.CreateSiteAsync(siteCode, "版式升级测试局" + siteCode[^1], GovSite.Sites.SiteType.Department);
        var column = await app.ColumnIdAsync(site.Id, "工作动态");
        var title = $"犀鸟保护区第{siteCode[^1]}期监测简报";
        var saved = await app.AsSystemAsync(async sp => (await sp.GetRequiredService<ArticleService>().SaveAsync(site.Id, null,
            new ArticleInput { Publish = true, ColumnId = column, Title = title, Body = "<p>巡护记录</p>" })).Succeeded);
        saved.ShouldBeTrue();
        await using (var db = app.Database.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync(Earlier[layout]);
        }

        await using var restarted = new OtherNode(app.Database);
        using var client = restarted.CreateClient();
        (await TitlesAsync(client, "犀鸟")).ShouldContain(title);
        await using (var db = app.Database.NewContext())
        {
            var tables = await db.Database.SqlQueryRaw<string>(
                "SELECT sql AS \"Value\" FROM sqlite_master WHERE name IN ('search_fts', 'search_text', 'search_title') ORDER BY name").ToListAsync();
            // search_layout records the keying, which the CREATE statements do not show.
            tables.Count.ShouldBe(2);
            tables.ShouldAllBe(sql => !sql.Contains("band") && sql.Contains("contentless_delete"));
            (await GovSite.Search.SqliteSearchBackend.CurrentLayoutAsync(db, default)).ShouldBeTrue();
        }
    }
}
