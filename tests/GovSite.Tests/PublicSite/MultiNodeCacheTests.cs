using GovSite.Publishing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.PublicSite;

/// <summary>
/// Two nodes on one PostgreSQL: an article published through node A evicts on node B exactly the
/// pages that show it (NOTIFY carries the page tags), and nothing else. SQLite has one node.
/// </summary>
public class MultiNodeCacheTests(PublicSiteFixture nodeA) : IClassFixture<PublicSiteFixture>
{
    [Fact]
    public async Task A_publish_on_one_node_evicts_only_the_affected_pages_on_the_other()
    {
        if (!TestDatabase.OnPostgres)
        {
            return;
        }
        await using var nodeB = new OtherNode(nodeA.Database);
        using var onB = nodeB.CreateClient();
        onB.DefaultRequestHeaders.Host = PublicSiteFixture.Host;
        var unrelated = $"/articles/{nodeA.PolicyId}";
        var column = $"/columns/{nodeA.NewsColumnId}";
        await onB.GetAsync(unrelated);
        await onB.GetAsync(column);
        var unrelatedTag = (await PublicTestHelpers.GetWithETagAsync(onB, unrelated)).ETag;
        // Let node B's listener connect before the announcement.
        await Task.Delay(1000);

        var id = await nodeA.AsSystemAsync(async sp => (await sp.GetRequiredService<ArticleService>().SaveAsync(nodeA.Site.Id, null,
            new ArticleInput { Publish = true, ColumnId = nodeA.NewsColumnId, Title = "节点甲发布、节点乙立即可见", Body = "<p>正文。</p>" })).Value!.Id);

        var seen = false;
        for (var i = 0; i < 50 && !seen; i++)
        {
            seen = (await onB.GetStringAsync(column)).Contains($"/articles/{id}\"", StringComparison.Ordinal);
            if (!seen)
            {
                await Task.Delay(100);
            }
        }
        seen.ShouldBeTrue();
        (await PublicTestHelpers.GetWithETagAsync(onB, unrelated)).ETag.ShouldBe(unrelatedTag);
    }
}
