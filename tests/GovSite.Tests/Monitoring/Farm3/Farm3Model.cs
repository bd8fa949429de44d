using GovSite.Rules;

namespace GovSite.Tests.Monitoring.Farm3;

// The third farm's model of a site: what is planted where. The expected results of a check
// (vetoes, stale and empty columns, broken links) are computed from this model by the rules
// of domain.md ("National rules" and "How inspectors read these rules"), never from the checker.

/// <summary>The CMS a site imitates; each renders the same model into its own URLs and markup.</summary>
public enum Farm3Layout
{
    /// <summary>TRS WCM: ./202611/t20261103_4567890.html, createPageHTML, a /zwgk/ disclosure sub-site.</summary>
    Trs,
    /// <summary>大汉 JCMS: /col/col1234/index.html, &lt;datastore&gt; records, /art/2026/11/3/art_1234_56789.html, jact letters.</summary>
    Jcms,
    /// <summary>An old ASP site: tables, &lt;font&gt;, &amp;nbsp;, unquoted attributes, list.asp?classid=3&amp;page=2, a guestbook.</summary>
    AspTable,
    /// <summary>A Dreamweaver-era department site: image-link navigation, lists inside iframes, 11月03日 dates under year headings.</summary>
    Frames,
    /// <summary>A new build: &lt;article&gt;/&lt;time datetime&gt;, &lt;base href&gt;, 开普云 interact letters, guide tabs on one page.</summary>
    Html5,
    /// <summary>A Guangdong-style portal with the 拓尔思 gkmlpt disclosure catalogue, dot dates, post_123.html.</summary>
    Gkmlpt,
    /// <summary>Department sub-sites of a city platform: dl/dt/dd lists, 2026年11月3日 dates, ../../ links.</summary>
    DlList,
}

public enum ColumnType3 { News, Notice, Policy, Personnel, Planning, Interpretation, Overview, Service, Interaction, Disclosure, Topic, Other }

public enum ColumnKind3
{
    /// <summary>A list of dated items: the only kind that can be stale or empty.</summary>
    List,
    /// <summary>One page of text (联系我们, 网站声明, 机构概况, 领导信息): not a column.</summary>
    SinglePage,
    /// <summary>The disclosure catalogue's entry page (政府信息公开目录): not an empty column.</summary>
    CatalogueEntry,
    /// <summary>The 依申请公开 entry page (description, forms): not an empty column.</summary>
    RequestEntry,
    /// <summary>网站地图: links to every column.</summary>
    SiteMap,
    /// <summary>The site's own letter board (a consultation channel).</summary>
    Letters,
    /// <summary>The list of service guides.</summary>
    Guides,
    /// <summary>A navigation entry that leaves the site (the province's service hall, the county's 12345 platform).</summary>
    OffSite,
}

/// <summary>Where a list column shows its items' dates.</summary>
public enum DatePlace
{
    List,
    /// <summary>Only on the detail page (the list and the URL carry none).</summary>
    DetailOnly,
    /// <summary>Only in the detail URL (t20261103_…, /art/2026/11/3/…); neither the list nor the page shows it.</summary>
    UrlOnly,
    /// <summary>11月03日 in the list, the year only in a heading above it.</summary>
    YearHeading,
}

public enum Availability3 { Up, Slow, HeadRefused, ConnectionRefused, ServiceUnavailable }

public enum Charset3
{
    /// <summary>UTF-8, declared in the header and a meta tag.</summary>
    Utf8,
    /// <summary>UTF-8, declared only in the Content-Type header.</summary>
    Utf8HeaderOnly,
    /// <summary>GBK bytes, &lt;meta charset="gbk"&gt; only.</summary>
    GbkMeta,
    /// <summary>GB2312 (GBK) bytes, &lt;meta http-equiv="Content-Type" content="…charset=gb2312"&gt; only.</summary>
    Gb2312HttpEquiv,
    /// <summary>GBK bytes, declared only in the Content-Type header.</summary>
    GbkHeaderOnly,
    /// <summary>GBK bytes, declared nowhere.</summary>
    GbkUndeclared,
}

public enum Channel3
{
    /// <summary>A letter board on the site.</summary>
    Board,
    /// <summary>The navigation's 互动交流 leads to the county's unified 12345 platform (off-site, working).</summary>
    OffSite,
    /// <summary>The mailbox link answers 404 and there is no other channel.</summary>
    Broken,
}

public enum Services3
{
    /// <summary>Guides published on the site.</summary>
    Guides,
    /// <summary>办事服务 leads to the province's service hall (off-site); no guides on the site.</summary>
    OffSite,
    /// <summary>No services anywhere (a portal).</summary>
    None,
}

public enum GuideShape
{
    /// <summary>【事项名称】…【设定依据】…</summary>
    Brackets,
    /// <summary>事项名称：… paragraphs.</summary>
    Colon,
    /// <summary>A two-column table, label cell and value cell.</summary>
    Table,
    /// <summary>&lt;dl&gt;&lt;dt&gt;label&lt;/dt&gt;&lt;dd&gt;value&lt;/dd&gt;</summary>
    Dl,
    /// <summary>&lt;h3&gt;label&lt;/h3&gt;&lt;p&gt;value&lt;/p&gt;</summary>
    Headings,
    /// <summary>Tabs on one page, each a hidden or shown panel.</summary>
    TabsOnePage,
    /// <summary>Tabs as separate pages (guide.jsp?id=3&amp;tab=2).</summary>
    TabsPages,
}

public sealed record Attachment3(string Text, string FileName, bool Missing = false);

/// <summary>An article placed in a list column.</summary>
public sealed record Item3(int Id, string Title, DateOnly Date)
{
    /// <summary>The detail page was deleted but the list still links to it (a planted broken link).</summary>
    public bool Missing { get; init; }
    public string? Body { get; init; }
    public List<Attachment3> Attachments { get; init; } = [];
    /// <summary>An image in the article, with its alt text; <see cref="ImageMissing"/> plants a broken image.</summary>
    public string? ImageAlt { get; init; }
    public bool ImageMissing { get; init; }
}

public sealed class Column3
{
    public required string Key { get; init; }
    public required string Name { get; init; }
    public ColumnType3 Type { get; init; } = ColumnType3.Other;
    public ColumnKind3 Kind { get; init; } = ColumnKind3.List;
    public List<Item3> Items { get; init; } = [];
    public DatePlace Dates { get; init; } = DatePlace.List;
    /// <summary>What an empty list says (暂无信息, 暂无数据, …); null: the list is just empty.</summary>
    public string? EmptyText { get; init; }
    /// <summary>The list is inside an iframe of the column page (Frames layout).</summary>
    public bool InIframe { get; init; }
    /// <summary>Placed under 政府信息公开 (the disclosure section's own navigation), not in the main navigation.</summary>
    public bool InDisclosure { get; init; }
    public bool OnHome { get; init; }
    public int PageSize { get; init; } = 8;
    /// <summary>Extra text of a single page (the near misses: 传真：暂无, correct long words).</summary>
    public string? Text { get; init; }
    /// <summary>For <see cref="ColumnKind3.OffSite"/>: where the navigation entry leads.</summary>
    public ExternalTarget? Target { get; init; }

    public bool IsList => Kind == ColumnKind3.List;

    /// <summary>Items newest first, as every CMS lists them.</summary>
    public List<Item3> Sorted => [.. Items.OrderByDescending(i => i.Date).ThenByDescending(i => i.Id)];
}

/// <summary>A letter to the site's board. <see cref="Replied"/> null: no answer yet.</summary>
public sealed record Letter3(int Id, string Title, DateOnly Received, DateOnly? Replied, string Status);

public sealed record GuideField(string Label, string Value, int Tab = 1);

public sealed record Guide3(int Id, string Name, GuideShape Shape, List<GuideField> Fields);

/// <summary>A link in the homepage's 友情链接 block.</summary>
public sealed record FriendLink(string Text, ExternalTarget Target, string Path);

public enum ExternalTarget { ProvincePortal, DeadHost, ServiceHall, Hotline12345 }

public sealed class Farm3Site
{
    public required string Slug { get; init; }
    public required string Name { get; init; }
    public required string Code { get; init; }
    public required Farm3Layout Layout { get; init; }
    /// <summary>Null: a root site on its own port. Otherwise the shared host and the path prefix ("/bm/tjj/").</summary>
    public string? Cluster { get; init; }
    public string Prefix { get; init; } = "/";
    public Charset3 Charset { get; init; } = Charset3.Utf8;
    public Availability3 Availability { get; init; } = Availability3.Up;
    public List<Column3> Columns { get; init; } = [];
    public List<Letter3> Letters { get; init; } = [];
    public int LettersPageSize { get; init; } = 6;
    public Channel3 Channel { get; init; } = Channel3.Board;
    public List<Guide3> Guides { get; init; } = [];
    public Services3 Services { get; init; } = Services3.Guides;

    /// <summary>The homepage was last generated on this day (TRS sites whose homepage is not republished); null: today.</summary>
    public DateOnly? HomeCutoff { get; init; }
    /// <summary>Alt text of the homepage banner image.</summary>
    public string BannerAlt { get; init; } = "";
    /// <summary>Items shown only on the homepage (a scrolling notice), with their dates.</summary>
    public List<Item3> HomeNotices { get; init; } = [];
    public List<FriendLink> FriendLinks { get; init; } = [];
    /// <summary>The template references an image that is not there (a broken image on every page).</summary>
    public bool MissingTemplateImage { get; init; }
    /// <summary>The homepage answers with a meta refresh to the real one.</summary>
    public bool MetaRefreshHome { get; init; }

    /// <summary>Misspelt state expressions planted on the site (each must appear on a page the crawl reaches).</summary>
    public List<string> SeriousErrors { get; init; } = [];
    /// <summary>What the site is there to test, for the README and for failure messages.</summary>
    public required string Plants { get; init; }

    public bool IsPrefixSite => Cluster is not null;

    public IEnumerable<Column3> ListColumns => Columns.Where(c => c.IsList);

    public Column3 Column(string key) => Columns.Single(c => c.Key == key);
}

/// <summary>What a correct check must say about one site.</summary>
public sealed record Expected3(
    string Verdict,
    IReadOnlySet<string> Vetoes,
    IReadOnlySet<string> StaleColumns,
    IReadOnlySet<string> EmptyColumns,
    IReadOnlySet<string> BrokenLinks,
    DateOnly? HomepageLatest);

/// <summary>The national rules applied to the model (domain.md), written for this farm alone.</summary>
public static class Farm3Rules
{
    public static int StaleAfterDays(ColumnType3 type) => type switch
    {
        ColumnType3.News => 14,
        ColumnType3.Notice or ColumnType3.Policy => 183,
        ColumnType3.Personnel or ColumnType3.Planning => 365,
        _ => int.MaxValue,
    };

    public static bool IsStale(Column3 column, DateOnly asOf) =>
        column.IsList && column.Items.Count > 0 && StaleAfterDays(column.Type) != int.MaxValue
        && asOf.DayNumber - column.Items.Max(i => i.Date).DayNumber > StaleAfterDays(column.Type);

    public static bool IsEmpty(Column3 column) => column.IsList && column.Items.Count == 0;

    /// <summary>The ten elements of a service guide and the synonyms domain.md names (办理时限 is none of them).</summary>
    public static string? ElementOf(string label) => label switch
    {
        "事项名称" => "事项名称",
        "设定依据" => "设定依据",
        "申请条件" or "受理条件" => "申请条件",
        "办理材料" or "申请材料" => "办理材料",
        "办理地点" => "办理地点",
        "办理机构" => "办理机构",
        "收费标准" or "收费依据及标准" => "收费标准",
        "办理时间" => "办理时间",
        "联系电话" or "咨询电话" or "联系方式" => "联系电话",
        "办理流程" => "办理流程",
        _ => null,
    };

    public static int MissingElements(Guide3 guide) =>
        10 - guide.Fields.Select(f => ElementOf(f.Label)).OfType<string>().Distinct().Count();

    public static bool Unanswered(Letter3 letter, DateOnly asOf) =>
        letter.Replied is null
        && asOf.DayNumber - letter.Received.DayNumber <= 365
        && asOf.DayNumber - letter.Received.DayNumber > 92;

    public static Expected3 Expect(Farm3Site site, DateOnly asOf, IEnumerable<string> plantedBroken, DateOnly? homepageLatest)
    {
        var vetoes = new HashSet<string>();
        if (site.Availability is Availability3.ConnectionRefused or Availability3.ServiceUnavailable)
        {
            vetoes.Add("site_unreachable");
            return new Expected3("fail", vetoes, new HashSet<string>(), new HashSet<string>(), new HashSet<string>(), null);
        }
        if (homepageLatest is null || asOf.DayNumber - homepageLatest.Value.DayNumber > 14)
        {
            vetoes.Add("homepage_stale");
        }
        var stale = site.Columns.Where(c => IsStale(c, asOf)).ToList();
        var staleUpdates = stale.Count(c => c.Type is ColumnType3.News or ColumnType3.Notice or ColumnType3.Policy);
        if (staleUpdates >= 5 || stale.Count >= 10)
        {
            vetoes.Add("columns_stale");
        }
        var empty = site.Columns.Where(IsEmpty).ToList();
        if (empty.Count >= 5)
        {
            vetoes.Add("columns_empty");
        }
        if (site.SeriousErrors.Count > 0)
        {
            vetoes.Add("serious_error");
        }
        if (site.Channel == Channel3.Broken || site.Letters.Any(l => Unanswered(l, asOf)))
        {
            vetoes.Add("interaction_unresponsive");
        }
        if (site.Services == Services3.None || site.Guides.Count(g => MissingElements(g) >= 4) >= 5)
        {
            vetoes.Add("service_guide_incomplete");
        }
        return new Expected3(
            vetoes.Count == 0 ? "pass" : "fail",
            vetoes,
            stale.Select(c => c.Name).ToHashSet(),
            empty.Select(c => c.Name).ToHashSet(),
            plantedBroken.ToHashSet(),
            homepageLatest);
    }
}
