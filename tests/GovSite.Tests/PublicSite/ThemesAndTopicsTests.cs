using System.Net;
using AngleSharp.Html.Parser;
using GovSite.Publishing;
using GovSite.PublicSite.Themes;
using GovSite.PublicSite.Topics;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.PublicSite;

public class ThemesAndTopicsTests(PublicSiteFixture site) : IClassFixture<PublicSiteFixture>
{
    private static readonly HtmlParser Parser = new();

    private Task<T> AsSystemAsync<T>(Func<IServiceProvider, Task<T>> work) => site.AsSystemAsync(work);

    [Fact]
    public async Task A_theme_draft_is_seen_only_in_the_admins_preview_until_it_is_published()
    {
        var saved = await AsSystemAsync(sp => sp.GetRequiredService<ThemeService>()
            .SaveDraftAsync(site.Site.Id, new ThemeSettings { Theme = ThemeNames.Department, DisplayName = "甲市草稿名称", MainColour = "#0b4f8a" }));
        saved.Succeeded.ShouldBeTrue();
        using var publicClient = site.ClientForHost(PublicSiteFixture.Host);
        var before = await publicClient.GetStringAsync("/");
        before.ShouldNotContain("甲市草稿名称");
        (await publicClient.GetStringAsync("/?preview=theme")).ShouldNotContain("甲市草稿名称");

        using var admin = await PublicTestHelpers.SignInAsync(site, "admin", GovSiteFactory.AdminPassword);
        var preview = Parser.ParseDocument(await admin.GetStringAsync($"/sites/{PublicSiteFixture.Code}/?preview=theme"));
        preview.QuerySelector(".site-name")!.TextContent.ShouldBe("甲市草稿名称");
        preview.Body!.ClassList.ShouldContain("theme-department");
        preview.QuerySelector(".preview-banner").ShouldNotBeNull();
        (await publicClient.GetStringAsync("/")).ShouldNotContain("甲市草稿名称");

        (await AsSystemAsync(sp => sp.GetRequiredService<ThemeService>().PublishAsync(site.Site.Id))).Succeeded.ShouldBeTrue();
        var live = Parser.ParseDocument(await publicClient.GetStringAsync("/"));
        live.QuerySelector(".site-name")!.TextContent.ShouldBe("甲市草稿名称");
        live.DocumentElement.GetAttribute("style")!.ShouldContain("--main:#0b4f8a");
        live.QuerySelector(".preview-banner").ShouldBeNull();
        await AsSystemAsync(sp => sp.GetRequiredService<ThemeService>().SetAsync(site.Site.Id, new ThemeSettings()).ContinueWith(_ => 0));
    }

    [Fact]
    public async Task The_theme_chooses_the_navigation_and_the_homepage_blocks_with_picture_news()
    {
        var pictureId = await AsSystemAsync(async sp => (await sp.GetRequiredService<ArticleService>().SaveAsync(site.Site.Id, null, new ArticleInput
        {
            Publish = true,
            ColumnId = site.NewsColumnId, Title = "甲市图片新闻：新桥通车", Body = "<p>新桥今日通车。</p>", ImageUrl = "/uploads/bridge.jpg",
        })).Value!.Id);
        var theme = new ThemeSettings
        {
            NavColumnIds = [site.PolicyColumnId],
            Blocks = [new HomeBlock(site.NewsColumnId, 1, BlockKind.Pictures), new HomeBlock(site.PolicyColumnId, 3)],
        };
        await AsSystemAsync(async sp => { await sp.GetRequiredService<ThemeService>().SetAsync(site.Site.Id, theme); return 0; });
        try
        {
            using var client = site.ClientForHost(PublicSiteFixture.Host);
            var home = Parser.ParseDocument(await client.GetStringAsync("/"));
            // (A topic link may follow when another test opened a topic.)
            home.QuerySelectorAll(".main-nav a").Select(a => a.TextContent).Take(2).ShouldBe(["首页", "政策文件"]);
            home.QuerySelectorAll(".main-nav a").Select(a => a.TextContent).ShouldNotContain("要闻动态");
            var blocks = home.QuerySelectorAll(".home-blocks section").ToList();
            blocks.Count.ShouldBe(2);
            blocks[0].ClassList.ShouldContain("block-pictures");
            blocks[0].QuerySelector("img")!.GetAttribute("src").ShouldBe("/uploads/bridge.jpg");
            blocks[0].QuerySelector("a[href='/articles/" + pictureId + "']").ShouldNotBeNull();
            blocks[1].QuerySelector("h2")!.TextContent.ShouldBe("政策文件");
        }
        finally
        {
            await AsSystemAsync(async sp =>
            {
                await sp.GetRequiredService<ArticleService>().WithdrawAsync(site.Site.Id, pictureId);
                await sp.GetRequiredService<ThemeService>().SetAsync(site.Site.Id, new ThemeSettings());
                return 0;
            });
        }
    }

    [Theory]
    [InlineData("#ffcc00", "MainColour")]
    [InlineData("red", "MainColour")]
    [InlineData("#123456", null)]
    public void A_main_colour_too_light_for_white_text_or_not_a_colour_is_refused(string colour, string? field)
    {
        var errors = ThemeService.Validate(new ThemeSettings { MainColour = colour }, []);
        if (field is null)
        {
            errors.IsValid.ShouldBeTrue();
        }
        else
        {
            errors.All.Select(e => e.Key).ShouldContain(field);
        }
    }

    [Fact]
    public void Navigation_and_blocks_may_only_name_the_sites_own_columns()
    {
        ThemeService.Validate(new ThemeSettings { Blocks = [new HomeBlock(999_999)] }, [1, 2]).All.Select(e => e.Key).ShouldContain("Blocks");
    }

    [Fact]
    public async Task A_migration_notice_shows_on_every_page_with_the_new_address()
    {
        await AsSystemAsync(async sp =>
        {
            await sp.GetRequiredService<ThemeService>().SetAsync(site.Site.Id,
                new ThemeSettings { NoticeText = "本网站已整合至测试甲市人民政府门户网站。", NoticeUrl = "https://www.new.gov.cn/" });
            return 0;
        });
        try
        {
            using var client = site.ClientForHost(PublicSiteFixture.Host);
            foreach (var path in new[] { "/", $"/columns/{site.NewsColumnId}", $"/articles/{site.PolicyId}" })
            {
                var doc = Parser.ParseDocument(await client.GetStringAsync(path));
                doc.QuerySelector(".site-notice")!.TextContent.ShouldContain("已整合至");
                doc.QuerySelector(".site-notice a")!.GetAttribute("href").ShouldBe("https://www.new.gov.cn/");
            }
        }
        finally
        {
            await AsSystemAsync(async sp => { await sp.GetRequiredService<ThemeService>().SetAsync(site.Site.Id, new ThemeSettings()); return 0; });
        }
    }

    [Fact]
    public async Task A_closed_topic_leaves_the_homepage_but_its_pages_stay_reachable_and_archived()
    {
        var topic = (await AsSystemAsync(sp => sp.GetRequiredService<TopicService>().OpenAsync(site.Site.Id,
            new TopicInput { Name = "学习贯彻专题", Summary = "专题简介", ColumnNames = "工作部署\n基层动态" }))).Value!;
        var subColumn = await site.ColumnIdAsync(site.Site.Id, "基层动态");
        var articleId = await AsSystemAsync(async sp => (await sp.GetRequiredService<ArticleService>().SaveAsync(site.Site.Id, null,
            new ArticleInput { Publish = true, ColumnId = subColumn, Title = "某街道开展专题学习", Body = "<p>专题学习。</p>" })).Value!.Id);
        using var client = site.ClientForHost(PublicSiteFixture.Host);

        var home = Parser.ParseDocument(await client.GetStringAsync("/"));
        home.QuerySelector($".topic-banners a[href='/topics/{topic.Id}']").ShouldNotBeNull();
        home.QuerySelectorAll(".main-nav a").Select(a => a.TextContent).ShouldNotContain("学习贯彻专题");
        var landing = Parser.ParseDocument(await client.GetStringAsync($"/topics/{topic.Id}"));
        landing.QuerySelector("h1")!.TextContent.ShouldBe("学习贯彻专题");
        landing.QuerySelectorAll(".home-blocks h2").Select(h => h.TextContent).ShouldBe(["工作部署", "基层动态"]);
        landing.QuerySelector($"a[href='/articles/{articleId}']").ShouldNotBeNull();
        landing.QuerySelector(".archived-notice").ShouldBeNull();

        (await AsSystemAsync(sp => sp.GetRequiredService<TopicService>().SetClosedAsync(site.Site.Id, topic.Id, true))).Succeeded.ShouldBeTrue();
        Parser.ParseDocument(await client.GetStringAsync("/")).QuerySelector($".topic-banners a[href='/topics/{topic.Id}']").ShouldBeNull();
        foreach (var path in new[] { $"/topics/{topic.Id}", $"/articles/{articleId}", $"/columns/{subColumn}" })
        {
            var response = await client.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            Parser.ParseDocument(await response.Content.ReadAsStringAsync()).QuerySelector(".archived-notice")!.TextContent.ShouldContain("已归档");
        }
        var index = Parser.ParseDocument(await client.GetStringAsync("/topics"));
        index.QuerySelectorAll("section")[1].QuerySelector($"a[href='/topics/{topic.Id}']").ShouldNotBeNull();
    }

    [Fact]
    public async Task An_article_page_offers_a_wechat_qr_code_of_its_address_a_weibo_link_and_printing()
    {
        using var client = site.ClientForHost(PublicSiteFixture.Host);
        var doc = Parser.ParseDocument(await client.GetStringAsync($"/articles/{site.PolicyId}"));
        var share = doc.QuerySelector(".share")!;
        var expected = GovSite.PublicSite.Extras.QrCode.Encode($"http://{PublicSiteFixture.Host}/articles/{site.PolicyId}").ToSvg("x");
        var path = share.QuerySelector("svg path")!.GetAttribute("d");
        expected.ShouldContain(path!);
        share.QuerySelector("a[href^='https://service.weibo.com/share/share.php?url=']")!.GetAttribute("href")!
            .ShouldContain(Uri.EscapeDataString($"http://{PublicSiteFixture.Host}/articles/{site.PolicyId}"));
        share.TextContent.ShouldContain("打印本页");
    }

    [Fact]
    public async Task A_topic_needs_a_name_and_at_least_one_column()
    {
        var result = await AsSystemAsync(sp => sp.GetRequiredService<TopicService>().OpenAsync(site.Site.Id, new TopicInput()));
        result.Errors.All.Select(e => e.Key).ShouldBe(["Name", "ColumnNames"], ignoreOrder: true);
    }
}
