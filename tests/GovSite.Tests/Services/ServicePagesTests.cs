using System.Net;
using GovSite.Data;
using GovSite.Monitoring;
using GovSite.Services;
using GovSite.Tests.PublicSite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Services;

/// <summary>The public catalogue and guide pages.</summary>
public class ServicePagesTests(ServicesFactory app) : IClassFixture<ServicesFactory>, IAsyncLifetime
{
    private const string Dept = ServicesFactory.DepartmentCode;

    public async Task InitializeAsync()
    {
        if (!await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().ServiceItems.AnyAsync(i => i.Code == "P001")))
        {
            await app.PublishedAsync(ServicesFactory.CompleteGuide("P001", "最低生活保障金申领"));
            for (var i = 2; i <= 34; i++)
            {
                var guide = ServicesFactory.CompleteGuide($"P{i:000}", $"社会救助事项第{i}项");
                guide.Themes = ["社会保障", "优待抚恤"];
                await app.PublishedAsync(guide);
            }
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_checker_reading_a_published_guide_page_finds_all_ten_elements()
    {
        using var visitor = app.CreateClient();
        var url = new Uri($"http://localhost/sites/{Dept}/services/P001");
        var html = await visitor.GetStringAsync(url);
        var page = new PageReader(html, url);
        var present = ServiceGuides.Present(page);
        present.ShouldBe(ServiceGuides.Elements, ignoreOrder: true);
        ServiceGuides.IsGuide(page, present).ShouldBeTrue();
        // And the national meta tags of a content page.
        html.ShouldContain("<meta name=\"ArticleTitle\" content=\"最低生活保障金申领\">");
        html.ShouldContain("<meta name=\"SiteIDCode\" content=\"" + Dept + "\">");
    }

    [Fact]
    public async Task The_catalogue_front_page_offers_persons_and_enterprises_events_themes_and_departments()
    {
        using var visitor = app.CreateClient();
        var html = await visitor.GetStringAsync($"/sites/{Dept}/services");
        html.ShouldContain("<strong id=\"service-total\">34</strong>");
        html.ShouldContain("个人办事");
        html.ShouldContain("法人办事");
        html.ShouldContain($"/sites/{Dept}/services/life/%E5%B0%B1%E5%8C%BB"); // 就医
        html.ShouldContain($"/sites/{Dept}/services/theme/%E7%A4%BE%E4%BC%9A%E4%BF%9D%E9%9A%9C"); // 社会保障
        html.ShouldContain("测试服务市民政局 <span class=\"count\">（34）</span>");
        // Every page links to the catalogue.
        (await visitor.GetStringAsync($"/sites/{Dept}/")).ShouldContain($"href=\"/sites/{Dept}/services\">网上办事</a>");
    }

    [Fact]
    public async Task A_list_runs_over_pages_and_a_page_past_the_end_or_an_unknown_word_is_not_found()
    {
        using var visitor = app.CreateClient();
        var first = await visitor.GetStringAsync($"/sites/{Dept}/services/theme/社会保障");
        first.ShouldContain("共 <span id=\"list-total\">34</span> 项");
        first.ShouldContain($"/sites/{Dept}/services/theme/%E7%A4%BE%E4%BC%9A%E4%BF%9D%E9%9A%9C/2");
        (await visitor.GetStringAsync($"/sites/{Dept}/services/theme/社会保障/2")).ShouldContain("第 2 页，共 2 页");
        (await visitor.GetAsync($"/sites/{Dept}/services/theme/社会保障/3")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await visitor.GetAsync($"/sites/{Dept}/services/theme/不存在")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await visitor.GetAsync($"/sites/{Dept}/services/department/没有这个部门")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await visitor.GetStringAsync($"/sites/{Dept}/services/for/person")).ShouldContain("按人生事件");
        (await visitor.GetStringAsync($"/sites/{Dept}/services/life/就医")).ShouldContain("最低生活保障金申领");
    }

    [Fact]
    public async Task The_portal_shows_its_departments_guides_and_an_unrelated_site_does_not()
    {
        using var visitor = app.CreateClient();
        (await visitor.GetStringAsync($"/sites/{ServicesFactory.PortalCode}/services/P001")).ShouldContain("最低生活保障金申领");
        (await visitor.GetAsync($"/sites/{ServicesFactory.OtherCode}/services/P001")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var byHost = app.ClientForHost(ServicesFactory.DepartmentHost);
        (await byHost.GetStringAsync("/services/P001")).ShouldContain("href=\"/services/P001/rate\"");
    }

    [Fact]
    public async Task The_name_search_of_the_catalogue_finds_items_and_says_so_when_it_finds_none()
    {
        using var visitor = app.CreateClient();
        var found = await visitor.GetStringAsync($"/sites/{Dept}/services?q=低生活");
        found.ShouldContain("最低生活保障金申领");
        found.ShouldContain("（1 项）");
        var none = await visitor.GetStringAsync($"/sites/{Dept}/services?q=" + Uri.EscapeDataString("<b>护照</b>"));
        none.ShouldContain("没有找到名称含“&lt;b&gt;护照&lt;/b&gt;”的事项");
    }

    [Fact]
    public async Task The_rating_form_keeps_what_was_typed_when_it_is_refused_and_thanks_when_it_is_saved()
    {
        using var visitor = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });
        var url = $"/sites/{Dept}/services/P002/rate";
        var form = await visitor.GetStringAsync(url);
        var comment = "材料清单里的“其他材料”到底是什么？\r\n<script>alert(1)</script> & 5 > 3";
        var refused = await visitor.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Comment"] = comment, ["__RequestVerificationToken"] = PublicTestHelpers.AntiforgeryToken(form),
        }));
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await refused.Content.ReadAsStringAsync();
        page.ShouldContain("请选择评价等级");
        page.ShouldContain("材料清单里的“其他材料”到底是什么？");
        page.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; 5 &gt; 3");
        page.ShouldNotContain("<script>alert(1)</script>");

        var saved = await visitor.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Level"] = "Dissatisfied", ["Comment"] = comment, ["__RequestVerificationToken"] = PublicTestHelpers.AntiforgeryToken(page),
        }));
        (await saved.Content.ReadAsStringAsync()).ShouldContain("感谢您的评价");
        var stored = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var id = await db.ServiceItems.Where(i => i.Code == "P002").Select(i => i.Id).SingleAsync();
            return await db.ServiceRatings.SingleAsync(r => r.ItemId == id);
        });
        stored.Comment.ShouldBe(comment);
        stored.Level.ShouldBe(RatingLevel.Dissatisfied);
        (await visitor.GetStringAsync($"/sites/{Dept}/services/P002")).ShouldContain("<strong id=\"rating-total\">1</strong>");

        // The item's staff read the comment as typed and record the follow-up of a dissatisfied rating.
        using var staff = await PublicTestHelpers.SignInAsync(app, "svc-editor", ServicesFactory.Password);
        var office = await staff.GetStringAsync($"/admin/sites/{app.Department.Id}/services/ratings?filter=open");
        office.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; 5 &gt; 3");
        var followed = await staff.PostAsync($"/admin/sites/{app.Department.Id}/services/ratings?filter=open", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["ratingId"] = stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["FollowUp"] = "已电话回访，材料清单已写明。",
            ["__RequestVerificationToken"] = PublicTestHelpers.AntiforgeryToken(office),
        }));
        followed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await staff.GetStringAsync($"/admin/sites/{app.Department.Id}/services/ratings")).ShouldContain("已电话回访，材料清单已写明。");
        using var outsider = await PublicTestHelpers.SignInAsync(app, "other-editor", ServicesFactory.Password);
        (await outsider.GetAsync($"/admin/sites/{app.Department.Id}/services/ratings")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_guide_answers_a_site_search_that_names_it_in_everyday_words()
    {
        using var visitor = app.CreateClient();
        var html = await visitor.GetStringAsync($"/sites/{Dept}/search?q=" + Uri.EscapeDataString("怎么吃低保"));
        html.ShouldContain("最低生活保障金申领（办事指南）");
        html.ShouldContain($"href=\"/sites/{Dept}/services/P001\"");
        var other = await visitor.GetStringAsync($"/sites/{ServicesFactory.OtherCode}/search?q=" + Uri.EscapeDataString("怎么吃低保"));
        other.ShouldNotContain("最低生活保障金申领（办事指南）");
    }

    [Fact]
    public async Task The_guide_page_is_cached_and_a_new_rating_refreshes_its_figures()
    {
        using var visitor = app.CreateClient();
        var url = $"/sites/{Dept}/services/P003";
        await visitor.GetAsync(url);
        var first = await visitor.GetAsync(url);
        first.Headers.ETag.ShouldNotBeNull();
        var again = await visitor.GetAsync(url);
        again.Headers.ETag!.Tag.ShouldBe(first.Headers.ETag!.Tag);
        (await visitor.PostAsync("/api/v1/services/P003/ratings", JsonContent("{\"level\":\"verySatisfied\"}"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var after = await visitor.GetAsync(url);
        after.Headers.ETag!.Tag.ShouldNotBe(first.Headers.ETag.Tag);
        (await after.Content.ReadAsStringAsync()).ShouldContain("满意率 <strong id=\"rating-share\">100%</strong>");
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
