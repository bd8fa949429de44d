using System.Net.Http.Json;
using System.Text.Json;
using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Publishing.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Publishing.Library;

/// <summary>The library feeds the near-duplicate index: seeded demo items and items published through the workflow.</summary>
public class NearDuplicateWiringTests(GovSiteFactory app) : IClassFixture<GovSiteFactory>
{
    [Fact]
    public async Task A_twin_of_a_demo_article_with_names_and_dates_changed_is_flagged_on_another_site()
    {
        var (original, otherSite) = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var items = await db.LibraryItems.Where(i => i.Status == ItemStatus.Published).ToListAsync();
            var longest = items.OrderByDescending(i => HtmlSanitiser.ToPlainText(i.Body).Length).First();
            var other = await db.Sites.Where(s => s.Id != longest.OwnerSiteId).Select(s => s.Code).FirstAsync();
            return (longest, other);
        });
        var text = HtmlSanitiser.ToPlainText(original.Body);
        text.Length.ShouldBeGreaterThan(200);
        // The same report, a year and a few names changed.
        var twin = text.Replace("2026", "2025", StringComparison.Ordinal).Replace("2025年", "2024年", StringComparison.Ordinal);
        twin = string.Concat(twin.Take(40)) + "王某某" + string.Concat(twin.Skip(43));

        using var admin = await app.AdminClientAsync();
        var response = await admin.PostAsJsonAsync("/api/v1/quality/check", new { siteCode = otherSite, title = "转发稿", body = $"<p>{twin}</p>" });
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("findings").EnumerateArray()
            .ShouldContain(f => f.GetProperty("code").GetString() == "near_duplicate" && f.GetProperty("detail").GetString()!.Contains(original.Title));

        var unrelated = await admin.PostAsJsonAsync("/api/v1/quality/check", new
        {
            siteCode = otherSite, title = "天气",
            body = "<p>今天上午全市天气晴朗，气温回升，市气象台提醒市民注意早晚温差，适当增减衣物，出行注意交通安全，谨防感冒，外出携带雨具以备不时之需。</p>",
        });
        JsonDocument.Parse(await unrelated.Content.ReadAsStringAsync()).RootElement.GetProperty("findings").EnumerateArray()
            .ShouldNotContain(f => f.GetProperty("code").GetString() == "near_duplicate");
    }
}
