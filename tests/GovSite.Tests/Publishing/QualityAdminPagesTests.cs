using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using GovSite.Accounts;
using GovSite.Data;
using GovSite.Publishing.Quality;
using GovSite.Tests.PublicSite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Publishing;

/// <summary>The back-office quality pages through HTTP, signed in with a cookie.</summary>
public class QualityAdminPagesTests(EmptyPlatformFactory app) : IClassFixture<EmptyPlatformFactory>
{
    [Fact]
    public async Task A_platform_admin_uploads_a_hundred_thousand_terms_and_the_check_page_marks_them()
    {
        var site = await app.CreateSiteAsync("3304000001", "词库测试站");
        using var admin = await PublicTestHelpers.SignInAsync(app, "admin", GovSiteFactory.AdminPassword);
        var index = await admin.GetStringAsync("/admin/quality");
        index.ShouldContain("平台规范表述词典");
        index.ShouldContain("平台不当用语");

        var created = await admin.PostAsync("/admin/quality", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = "平台禁用词", ["Input.Kind"] = "SensitiveWords", ["Input.Severity"] = "Block",
            ["__RequestVerificationToken"] = PublicTestHelpers.AntiforgeryToken(index),
        }));
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var listUrl = created.Headers.Location!.OriginalString;
        var listPage = await admin.GetStringAsync(listUrl);

        var terms = QualityMatcherTests.GeneratedTerms(100_000, seed: 3);
        terms[0] = "违禁测试词";
        using var upload = new MultipartFormDataContent
        {
            { new StringContent("Replace"), "Terms.Change" },
            { new StringContent(PublicTestHelpers.AntiforgeryToken(listPage)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(string.Join("\n", terms)));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        upload.Add(file, "file", "terms.txt");
        var uploaded = await admin.PostAsync(listUrl + "?handler=Terms", upload);
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Redirect, await uploaded.Content.ReadAsStringAsync());
        (await admin.GetStringAsync(listUrl)).ShouldContain("共 100,000 个词条");

        var checkPage = await admin.GetStringAsync("/admin/quality/check");
        var checkedPage = await admin.PostAsync("/admin/quality/check", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.SiteId"] = site.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.Title"] = "关于违禁测试词的通知",
            ["Input.Body"] = "国务院办工厅发布。\n" + terms[77_777],
            ["__RequestVerificationToken"] = PublicTestHelpers.AntiforgeryToken(checkPage),
        }));
        checkedPage.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await checkedPage.Content.ReadAsStringAsync();
        html.ShouldContain("<mark class=\"finding-block\" title=\"问题 1：敏感词\">违禁测试词");
        html.ShouldContain($">{terms[77_777]}<sup>");
        html.ShouldContain(">国务院办工厅<sup>");
        html.ShouldContain("须改正后才能发布");
    }

    [Fact]
    public async Task A_site_admin_saves_the_sites_severities_and_others_may_not()
    {
        var site = await app.CreateSiteAsync("3304000002", "设置测试站");
        var other = await app.CreateSiteAsync("3304000003", "别的站");
        await app.CreateUserAsync("q-siteadmin", "Siteadmin123x", (Role.SiteAdmin, site.Id));
        await app.CreateUserAsync("q-otheradmin", "Otheradmin123x", (Role.SiteAdmin, other.Id));
        await app.CreateUserAsync("q-editor", "Editor12345x", (Role.Editor, site.Id));
        var url = $"/admin/sites/{site.Id}/quality";

        using var siteAdmin = await PublicTestHelpers.SignInAsync(app, "q-siteadmin", "Siteadmin123x");
        var form = await siteAdmin.GetStringAsync(url);
        form.ShouldContain("各项检查的处理级别");
        var fields = new Dictionary<string, string>
        {
            ["Input.SensitiveWord"] = "Block", ["Input.SeriousError"] = "Block", ["Input.EmptyContent"] = "Block",
            ["Input.InappropriateText"] = "Warn", ["Input.NearDuplicate"] = "Block", ["Input.BrokenLink"] = "Warn",
            ["Input.MissingAlt"] = "Block", ["Input.NearDuplicatePercent"] = "85",
            ["__RequestVerificationToken"] = PublicTestHelpers.AntiforgeryToken(form),
        };
        var refused = await siteAdmin.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["Input.NearDuplicatePercent"] = "5" }));
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("相似度阈值须在 30 到 100 之间");
        (await siteAdmin.PostAsync(url, new FormUrlEncodedContent(fields))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().QualitySettings.SingleAsync(s => s.SiteId == site.Id));
        saved.MissingAlt.ShouldBe(QualitySeverity.Block);
        saved.InappropriateText.ShouldBe(QualitySeverity.Warn);
        saved.NearDuplicatePercent.ShouldBe(85);

        var newList = await siteAdmin.PostAsync(url + "?handler=NewList", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["NewList.Name"] = "本站敏感词", ["NewList.Kind"] = "SensitiveWords", ["NewList.Severity"] = "",
            ["__RequestVerificationToken"] = PublicTestHelpers.AntiforgeryToken(form),
        }));
        newList.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await siteAdmin.GetStringAsync(newList.Headers.Location!.OriginalString)).ShouldContain("设置测试站");
        // A platform list is read-only for a site admin.
        var platformList = await app.AsSystemAsync(sp => sp.GetRequiredService<QualityLists>().PlatformListAsync(QualityListKind.InappropriatePhrases));
        var platformPage = await siteAdmin.GetStringAsync($"/admin/quality/lists/{platformList.Id}");
        platformPage.ShouldContain("今天心情");
        platformPage.ShouldNotContain("更新词条</button>");

        using var otherAdmin = await PublicTestHelpers.SignInAsync(app, "q-otheradmin", "Otheradmin123x");
        (await otherAdmin.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Redirect); // to /admin/denied
        (await otherAdmin.GetAsync(newList.Headers.Location!.OriginalString)).Headers.Location!.OriginalString.ShouldContain("/admin/denied");
        using var editor = await PublicTestHelpers.SignInAsync(app, "q-editor", "Editor12345x");
        (await editor.GetAsync(url)).Headers.Location!.OriginalString.ShouldContain("/admin/denied");
        (await editor.GetStringAsync("/admin/quality/check")).ShouldContain("设置测试站");
    }

    [Fact]
    public async Task A_platform_admin_sees_the_broken_external_links_and_a_site_admin_is_refused()
    {
        var site = await app.CreateSiteAsync("3304000009", "链接结果测试站");
        var stamp = Guid.NewGuid().ToString("N")[..8];
        string broken = $"https://gone-{stamp}.example.com/a?b=1&c=2", working = $"https://fine-{stamp}.example.com/", timedOut = $"https://slow-{stamp}.example.com/";
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            db.ExternalLinkStatuses.AddRange(
                new ExternalLinkStatus { UrlHash = QualityLinks.Hash(broken), Url = broken, Broken = true, StatusCode = 404, CheckedAt = DateTime.UtcNow },
                new ExternalLinkStatus { UrlHash = QualityLinks.Hash(working), Url = working, Broken = false, StatusCode = 200, CheckedAt = DateTime.UtcNow },
                new ExternalLinkStatus { UrlHash = QualityLinks.Hash(timedOut), Url = timedOut, Broken = true, Error = "超过8秒无响应", CheckedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        using var admin = await PublicTestHelpers.SignInAsync(app, "admin", GovSiteFactory.AdminPassword);
        (await admin.GetStringAsync("/admin/quality")).ShouldContain("href=\"/admin/quality/links\"");

        var brokenOnly = await admin.GetStringAsync("/admin/quality/links");
        brokenOnly.ShouldContain(System.Net.WebUtility.HtmlEncode(broken));
        brokenOnly.ShouldContain("失效（HTTP 404）");
        brokenOnly.ShouldContain(timedOut);
        brokenOnly.ShouldContain("失效：超过8秒无响应");
        brokenOnly.ShouldNotContain(working);
        var all = await admin.GetStringAsync("/admin/quality/links?all=true");
        all.ShouldContain(working);
        all.ShouldContain("正常（HTTP 200）");

        await app.CreateUserAsync("q-links-siteadmin", "Siteadmin123x", (Role.SiteAdmin, site.Id));
        using var siteAdmin = await PublicTestHelpers.SignInAsync(app, "q-links-siteadmin", "Siteadmin123x");
        var refused = await siteAdmin.GetAsync("/admin/quality/links");
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.OriginalString.ShouldContain("/admin/denied");
        (await siteAdmin.GetStringAsync("/admin/quality")).ShouldNotContain("/admin/quality/links");
    }
}
