using System.Net.Http.Json;
using System.Text.Json;
using GovSite.Publishing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Search;

/// <summary>The index is in the database: what one node publishes, another finds at once.</summary>
public class MultiNodeSearchTests(EmptyPlatformFactory nodeA) : IClassFixture<EmptyPlatformFactory>
{
    private static async Task<List<string?>> TitlesAsync(HttpClient client, string q) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/v1/search?q={Uri.EscapeDataString(q)}"))
            .GetProperty("results").EnumerateArray().Select(r => r.GetProperty("title").GetString())];

    [Fact]
    public async Task An_article_published_and_withdrawn_on_one_node_is_found_and_gone_on_the_other()
    {
        var site = await nodeA.CreateSiteAsync("3703000001", "多节点检索局", GovSite.Sites.SiteType.Department);
        var column = await nodeA.ColumnIdAsync(site.Id, "工作动态");
        await using var nodeB = new OtherNode(nodeA.Database);
        using var onB = nodeB.CreateClient();
        (await TitlesAsync(onB, "雪豹")).ShouldBeEmpty();

        var id = await nodeA.AsSystemAsync(async sp => (await sp.GetRequiredService<ArticleService>().SaveAsync(site.Id, null,
            new ArticleInput { Publish = true, ColumnId = column, Title = "雪豹栖息地监测年报发布", Body = "<p>正文</p>" })).Value!.Id);
        (await TitlesAsync(onB, "雪豹")).ShouldBe(["雪豹栖息地监测年报发布"]);

        await nodeA.AsSystemAsync(sp => sp.GetRequiredService<ArticleService>().WithdrawAsync(site.Id, id));
        (await TitlesAsync(onB, "雪豹")).ShouldBeEmpty();
    }
}
