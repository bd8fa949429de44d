using GovSite.Monitoring;

namespace GovSite.Tests.Monitoring;

/// <summary>
/// What farm 3 (the holdout) showed the readers did not know: image navigation, &lt;base href&gt;,
/// alt texts, year headings, form and numbered pagers, image statuses and empty data lists. Each
/// is a shape real government sites use, tested here on its own.
/// </summary>
public sealed class UnseenLayoutsTests
{
    private static readonly DateOnly AsOf = new(2026, 12, 1);

    private static PageReader Read(string body, string url = "http://127.0.0.1/xfj/index.asp", string head = "") =>
        new($"<html><head><title>t</title>{head}</head><body>{body}</body></html>", new Uri(url));

    [Fact]
    public void A_navigation_drawn_as_images_in_table_cells_is_read_by_its_alt_texts()
    {
        var page = Read("""
            <table><tr>
            <td><a href=index.asp><img src=n0.gif alt="首页"></a></td>
            <td><a href=news/list.asp?classid=1><img src=n1.gif alt="工作动态"></a></td>
            <td><a href=news/list.asp?classid=2><img src=n2.gif alt="通知公告"></a></td>
            <td><a href=zwgk/index.asp><img src=n3.gif alt="信息公开"></a></td>
            <td><a href=gbook/index.asp title="网上信访"><img src=n4.gif alt=""></a></td>
            </tr></table>
            <table><tr><td><a href=news/show.asp?id=1>一条新闻的标题写得很长</a></td><td>2026-11-03</td></tr></table>
            """);
        page.ColumnLinks().Select(c => c.Name).ShouldBe(["工作动态", "通知公告", "信息公开", "网上信访"]);
    }

    [Fact]
    public void Links_resolve_against_the_base_href_in_both_readers()
    {
        const string html = """
            <html><head><base href="/sites/bm/kfq/"><title>开发区</title></head>
            <body><a href="gzdt/">工作动态</a><a href="zwgk/2026/11/03/1.html">一条信息</a><img src="assets/logo.png" alt=" 开发区管委会 "></body></html>
            """;
        var url = new Uri("http://127.0.0.1:8080/sites/bm/kfq/gzdt/page-2.html");
        var page = new PageReader(html, url);
        page.BaseUrl.AbsoluteUri.ShouldBe("http://127.0.0.1:8080/sites/bm/kfq/");
        page.Links().Select(l => l.AbsoluteUri).ShouldBe([
            "http://127.0.0.1:8080/sites/bm/kfq/gzdt/",
            "http://127.0.0.1:8080/sites/bm/kfq/zwgk/2026/11/03/1.html",
            "http://127.0.0.1:8080/sites/bm/kfq/assets/logo.png",
        ]);
        var scan = PageScan.Read(html);
        scan.BaseHref.ShouldBe("/sites/bm/kfq/");
        PageReader.BaseOf(url, scan.BaseHref).ShouldBe(page.BaseUrl);
        // Without a base, or with one that is not http(s), the page's own address counts.
        PageReader.BaseOf(url, null).ShouldBe(url);
        PageReader.BaseOf(url, "javascript:void(0)").ShouldBe(url);
    }

    [Fact]
    public void Alt_texts_are_read_alike_by_the_scan_and_the_parser_outside_templates()
    {
        const string html = """
            <html><head><title>首页</title></head><body>
            <div class="banner"><img src="b.jpg" alt="全国人民代标大会 &amp; 政府"></div>
            <img src="x.gif" alt=""><img src="y.gif" alt="   "><img src="z.gif">
            <map><area href="/a" alt="区域地图"></map>
            <noscript><img src="ns.gif" alt="无脚本图片"></noscript>
            <template><img src="t.gif" alt="模板图片"></template>
            <script>var s = '<img alt="脚本里的图片">';</script>
            </body></html>
            """;
        var page = new PageReader(html, new Uri("http://127.0.0.1/"));
        var scan = PageScan.Read(html);
        page.AltTexts().ShouldBe(["全国人民代标大会 & 政府", "区域地图", "无脚本图片"]);
        scan.AltTexts.ShouldBe(page.AltTexts());
        GovSite.Rules.SeriousErrors.Default.Find(page.AltTexts()[0]).ShouldContain(e => e.Term == "全国人民代表大会");
    }

    [Fact]
    public void Month_and_day_dates_take_the_year_of_the_heading_they_stand_under()
    {
        var page = Read("""
            <table class="list">
            <tr><td colspan="2"><strong>2026年</strong></td></tr>
            <tr><td><a href="show_3.htm">第三条信息的标题文字</a></td><td>01月05日</td></tr>
            <tr><td colspan="2"><strong>2025年</strong></td></tr>
            <tr><td><a href="show_2.htm">第二条信息的标题文字</a></td><td>11月28日</td></tr>
            <tr><td><a href="show_1.htm">第一条信息的标题文字</a></td><td>(03月02日)</td></tr>
            </table>
            <p><a href="?year=2024">2024</a> <a href="?year=2023">2023</a></p>
            """, "http://127.0.0.1/gzdt/list.htm");
        page.ListItems(AsOf).Select(i => i.Date).ShouldBe([new DateOnly(2026, 1, 5), new DateOnly(2025, 11, 28), new DateOnly(2025, 3, 2)]);
        // Without a heading: the year that does not put the date after the check.
        Read("<ul><li><a href=\"a.htm\">没有年份标题的信息标题</a><span>12月20日</span></li></ul>").ListItems(AsOf).Single().Date
            .ShouldBe(new DateOnly(2025, 12, 20));
        // The year of the breadcrumb, or of the list's own address.
        Read("<div class=\"position\">您的位置：<a href=\"/\">首页</a> &gt; <a href=\"/gzdt/2024/\">2024年</a> &gt; 工作动态</div>"
            + "<ul><li><a href=\"a.htm\">面包屑里有年份的信息标题</a><span>11月03日</span></li></ul>").ListItems(AsOf).Single().Date
            .ShouldBe(new DateOnly(2024, 11, 3));
        Read("<ul><li><a href=\"a.htm\">地址里有年份的信息标题</a><span>11月03日</span></li></ul>", "http://127.0.0.1/gzdt/list.asp?year=2023&page=1")
            .ListItems(AsOf).Single().Date.ShouldBe(new DateOnly(2023, 11, 3));
        Read("<ul><li><a href=\"a.htm\">地址里有年份的信息标题</a><span>11月03日</span></li></ul>", "http://127.0.0.1/gzdt/2022/index.html")
            .ListItems(AsOf).Single().Date.ShouldBe(new DateOnly(2022, 11, 3));
        DateFinder.InEntry("11月03日", AsOf, 2025).ShouldBe(new DateOnly(2025, 11, 3));
        DateFinder.InEntry("12月20日", AsOf, 2026).ShouldBe(new DateOnly(2025, 12, 20));
        DateFinder.InEntry("召开11月03日会议的通知全文", AsOf, null).ShouldBeNull();
        DateFinder.YearHeading("2026年度").ShouldBe(2026);
        DateFinder.YearHeading("2026年工作要点").ShouldBeNull();
    }

    [Fact]
    public void A_pager_that_submits_a_form_by_script_leads_to_the_page_the_form_asks_for()
    {
        var page = Read("""
            <form name=pageform method=get action=list.asp><input type=hidden name=classid value=1213><input type=hidden name=page value=1>
            共 12 条记录 页次：1/2 <a href="javascript:goPage(1)">首页</a> <a href="javascript:goPage(2)">下一页</a></form>
            """, "http://127.0.0.1/news/list.asp?classid=1213");
        page.NextPage()!.AbsoluteUri.ShouldBe("http://127.0.0.1/news/list.asp?classid=1213&page=2");
        // A POST form cannot be asked for by address: no next page is invented.
        Read("""
            <form name=pageform method=post action=list.asp><input type=hidden name=page value=1>
            <a href="javascript:goPage(2)">下一页</a></form>
            """).NextPage().ShouldBeNull();
    }

    [Theory]
    [InlineData("<div class=\"pagination\"><b>1</b> <a href=\"list.do?pageno=2\">2</a> <a href=\"list.do?pageno=3\">3</a></div>", "list.do?pageno=2")]
    [InlineData("<div class=\"pagination\"><a href=\"list.do?pageno=1\">1</a> <b>2</b> <a href=\"list.do?pageno=3\">3</a></div>", "list.do?pageno=3")]
    [InlineData("<table><tr><td align=right>[1]&nbsp;<a href=index.asp?page=2>[2]</a>&nbsp;<a href=index.asp?page=3>[3]</a></td></tr></table>", "index.asp?page=2")]
    [InlineData("<ul class=\"pages\"><li class=\"active\"><span>1</span></li><li><a href=\"p2.html\">2</a></li></ul>", "p2.html")]
    [InlineData("<p>共 12 条 <a href=\"p2.html\">2</a></p>", "p2.html")]
    public void A_numbered_pager_leads_to_the_number_after_the_current_page(string pager, string next) =>
        Read(pager, "http://127.0.0.1/jact/list.do").NextPage()!.AbsoluteUri.ShouldBe(new Uri(new Uri("http://127.0.0.1/jact/list.do"), next).AbsoluteUri);

    [Fact]
    public void The_last_page_of_a_numbered_pager_has_no_next_page() =>
        Read("<div class=\"pagination\"><a href=\"list.do?pageno=1\">1</a> <a href=\"list.do?pageno=2\">2</a> <b>3</b></div>").NextPage().ShouldBeNull();

    [Fact]
    public void A_message_status_shown_as_an_image_is_read_from_its_alt_text()
    {
        var page = Read("""
            <table class="list"><tr><th>序号</th><th>信件标题</th><th>来信时间</th><th>状态</th></tr>
            <tr><td>1</td><td><a href="detail.do?id=1">反映道路积水问题</a></td><td>2026-05-10</td><td><img src="whf.gif" alt="未回复"></td></tr>
            <tr><td>2</td><td><a href="detail.do?id=2">咨询社保缴费问题</a></td><td>2026-05-11</td><td><img src="ybj.gif" alt="已办结"></td></tr>
            </table>
            """);
        var rows = Messages.Rows(page, AsOf);
        rows.Select(r => r.Facts.Status).ShouldBe(["未回复", "已办结"]);
        rows[0].Facts.Unresponsive(AsOf).ShouldBeTrue();
        rows[1].Facts.Unresponsive(AsOf).ShouldBeFalse();
    }

    [Fact]
    public void An_empty_datastore_and_a_count_of_zero_say_the_list_is_empty()
    {
        var jcms = Read("""
            <div class="list-title">财政预决算</div><div id="4871"><script type="text/xml"><datastore>
            <nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1"></a>]]></nextgroup><recordset>
            </recordset></datastore></script></div><p>本栏目说明：按照有关规定公开本部门预算决算信息，接受社会监督。</p>
            """);
        jcms.HasEmptyDataStore().ShouldBeTrue();
        Read("<script type=\"text/xml\"><datastore><recordset><record><![CDATA[<li><a href=\"/art/2026/11/3/art_1.html\">一条信息</a></li>]]></record></recordset></datastore></script>")
            .HasEmptyDataStore().ShouldBeFalse();
        Read("<table><tr><td>&nbsp;</td></tr></table><form>共 0 条记录&nbsp;页次：1/1&nbsp;每页10条</form>").SaysNothing().ShouldBeTrue();
        Read("<p>共 10 条记录 页次：1/1</p>").SaysNothing().ShouldBeFalse();
    }

    [Fact]
    public void A_disclosure_front_with_a_catalogue_tree_and_a_search_form_leads_on()
    {
        var page = Read("""
            <nav class="main-nav"><a href="/">首页</a><a href="/gzdt/">工作动态</a></nav>
            <div class="gkml-intro"><p>本目录按照主动公开的信息类别编排。</p>
            <form action="/search/" method="get"><input name="q" type="text"></form>
            <ul class="gkml-tree"><li><a href="/zwgk/zcwj/">政策文件</a></li><li><a href="/zwgk/rsxx/">人事信息</a></li></ul></div>
            """, "http://127.0.0.1/zwgk/");
        page.LeadsOn().ShouldBeTrue();
        Read("<nav class=\"main-nav\"><a href=\"/\">首页</a><a href=\"/gzdt/\">工作动态</a></nav><div class=\"list\"></div>", "http://127.0.0.1/zwgk/")
            .LeadsOn().ShouldBeFalse();
    }

    [Fact]
    public void A_column_embedding_its_list_in_an_iframe_names_the_frame()
    {
        var page = Read("""
            <table><tr><td class="position">您现在的位置：<a href="/index.htm">首页</a> &gt; 工作动态</td></tr></table>
            <iframe src="list.htm" name="main" width="100%" height="620" frameborder="0"></iframe>
            """, "http://127.0.0.1/gzdt/index.htm");
        page.FrameSources().Select(u => u.AbsoluteUri).ShouldBe(["http://127.0.0.1/gzdt/list.htm"]);
    }
}
