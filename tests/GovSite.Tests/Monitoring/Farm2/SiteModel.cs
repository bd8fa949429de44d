using GovSite.Common;

namespace GovSite.Tests.Monitoring.Farm2;

// What each site of the second farm is: the content planted in it. The renderers turn it into
// pages; Inspector reads it (never the pages, never the checker) to say what an inspector
// following domain.md would conclude.

/// <summary>The content management system a site imitates; it decides URLs and markup.</summary>
public enum Layout
{
    /// <summary>TRS WCM: div/ul lists, createPageHTML pagination, ./202611/t20261103_4567890.html.</summary>
    Trs,

    /// <summary>大汉 JCMS: /col/col1234/index.html, datastore record lists, /art/2026/11/3/art_1234_56789.html, jact letters.</summary>
    Jcms,

    /// <summary>A Guangdong portal with 拓尔思 gkmlpt: disclosure catalogue, metadata tables, post_1234567.html.</summary>
    Gkmlpt,

    /// <summary>An old ASP site: table rows, list.asp?classid=12&amp;page=2, show.asp?id=345, [2026-11-03].</summary>
    Table,

    /// <summary>A newer build: article/time lists, ?page=2.</summary>
    Html5,

    /// <summary>dl/dt/dd and span lists with 2026年11月3日 dates, /channel/12_2.html.</summary>
    DlSpan,

    /// <summary>开普云: /channels/123.html, /contents/123/456789.html, letters with the status on the detail page.</summary>
    Kpy,
}

/// <summary>How a site's pages are encoded and whether that is declared.</summary>
public enum Charset
{
    Utf8,

    /// <summary>GBK bytes, declared only in a meta tag (gb2312), the HTTP header says text/html.</summary>
    GbkMeta,

    /// <summary>GBK bytes, declared only in the Content-Type header.</summary>
    GbkHeader,

    /// <summary>GBK bytes declared nowhere.</summary>
    GbkNone,
}

/// <summary>Whether a site answers.</summary>
public enum Reach
{
    Up,

    /// <summary>Nothing listens on its port.</summary>
    Refused,

    /// <summary>The port accepts and closes the connection without a word.</summary>
    Reset,

    /// <summary>Every request gets 503 系统维护中.</summary>
    Down,
}

/// <summary>Where a list shows the publication dates of its items.</summary>
public enum DatePlace
{
    /// <summary>In the list and on the detail page.</summary>
    List,

    /// <summary>Only on the detail page (which also mentions other dates in its text).</summary>
    Detail,

    /// <summary>Only in the article URL (t20261103_…, /art/2026/11/3/).</summary>
    Url,
}

public enum ColumnKind
{
    /// <summary>A list of dated items (possibly empty).</summary>
    List,

    /// <summary>A single page: 联系我们, 网站声明, 机构职能, a leader profile, the site map.</summary>
    SinglePage,

    /// <summary>A section page whose body is links to its children.</summary>
    Hub,

    /// <summary>政府信息公开目录: the catalogue entry page.</summary>
    CatalogueEntry,

    /// <summary>依申请公开: the request entry page (description, steps, form link).</summary>
    ApplyEntry,

    /// <summary>A mailbox with published letters.</summary>
    Letters,

    /// <summary>A mailbox that is only a form (no letters published).</summary>
    MailForm,

    /// <summary>A list of service guides.</summary>
    Guides,

    /// <summary>A navigation entry that leads off-site (the service hall, the city's unified mailbox).</summary>
    OffSite,

    /// <summary>A navigation entry whose page does not exist (404).</summary>
    Missing,

    /// <summary>A list of leaders linking to profile pages, no dates.</summary>
    LeaderList,
}

/// <summary>How an empty list says it is empty.</summary>
public enum EmptyStyle
{
    NoInfoText,
    NoDataText,
    NoContentText,
    EmptyContainer,
    ZeroCount,
}

/// <summary>How a letters list shows what happened to each letter.</summary>
public enum LetterStyle
{
    /// <summary>Table rows 信件标题/来信时间/回复时间/办理状态; detail as a two-column table.</summary>
    StatusTable,

    /// <summary>Title and 来信时间 in the list; status only on the detail page (来信内容 and 回复内容 blocks).</summary>
    DetailOnly,

    /// <summary>Hanweb jact: /jact/front/maillist.do, 信件编号/标题/来信日期/状态.</summary>
    Jact,
}

/// <summary>How a service guide is written.</summary>
public enum GuideShape
{
    /// <summary>【事项名称】…</summary>
    Bracket,

    /// <summary>事项名称：…</summary>
    Colon,

    /// <summary>A two-column table, labels in th or td.</summary>
    Table,

    /// <summary>dl/dt/dd.</summary>
    DefinitionList,

    /// <summary>h3 headings followed by paragraphs.</summary>
    Headings,

    /// <summary>The elements split over tabs on one page.</summary>
    Tabs,
}

/// <summary>The ten elements of a service guide (domain.md, veto 6).</summary>
public enum Element
{
    事项名称,
    设定依据,
    申请条件,
    办理材料,
    办理地点,
    办理机构,
    收费标准,
    办理时间,
    联系电话,
    办理流程,
}

/// <summary>One of the farm's external servers, standing for the rest of the internet.</summary>
public enum External
{
    /// <summary>www.gov.cn and other government sites: /, /gone/… (404), /old/… (410), /moved (302), /nohead (HEAD refused), /conac/…, /beian/….</summary>
    Gov,

    /// <summary>The province's online service hall (政务服务网).</summary>
    Hall,

    /// <summary>service.weibo.com share links.</summary>
    Weibo,

    /// <summary>The national 我为政府网站找错 page and its jiucuo.js.</summary>
    ErrorReport,

    /// <summary>A city's unified mailbox platform.</summary>
    Mailbox,

    /// <summary>A former site whose host no longer answers (connection refused).</summary>
    Dead,
}

/// <summary>A link planted on a page that does not work.</summary>
public sealed record BrokenPlant(BrokenKind Kind, string Target)
{
    /// <summary>Internal: a path under the site's base (no leading slash). External: a path on the Gov or Dead server.</summary>
    public bool IsInternal => Kind is BrokenKind.MissingPage or BrokenKind.MissingImage or BrokenKind.MissingAttachment or BrokenKind.ServerError;
}

public enum BrokenKind
{
    MissingPage,
    MissingImage,
    MissingAttachment,

    /// <summary>An internal dynamic page answering 500.</summary>
    ServerError,

    /// <summary>An external page answering 404.</summary>
    ExternalGone,

    /// <summary>An external page answering 410.</summary>
    ExternalRemoved,

    /// <summary>An external host refusing connections.</summary>
    ExternalDead,
}

public sealed class ItemModel
{
    public required int Id { get; init; }
    public required string Title { get; init; }
    public required DateOnly Date { get; init; }
    public List<string> Paragraphs { get; init; } = [];
    public List<BrokenPlant> Broken { get; } = [];
}

public sealed class LetterModel
{
    public required int Id { get; init; }
    public required string Title { get; init; }

    /// <summary>Which of Texts.Issues the letter is about (its content and reply say the same).</summary>
    public required int Issue { get; init; }

    public required DateOnly Received { get; init; }

    /// <summary>Null while unanswered.</summary>
    public DateOnly? Replied { get; init; }

    /// <summary>已办结 / 已回复 when replied; 办理中 / 未回复 / 待处理 otherwise.</summary>
    public required string Status { get; init; }
}

public sealed class GuideModel
{
    public required int Id { get; init; }
    public required string Name { get; init; }
    public required GuideShape Shape { get; init; }

    /// <summary>The elements present, each under the label written on the page.</summary>
    public required Dictionary<Element, string> Labels { get; init; }

    /// <summary>办理时限 written on the page (it is not 办理时间).</summary>
    public bool HasTimeLimit { get; init; }

    public int Missing => 10 - Labels.Count;
}

public sealed class ColumnModel
{
    public required string Name { get; init; }

    /// <summary>A short pinyin slug used in URLs (ywdt, tzgg…).</summary>
    public required string Slug { get; init; }

    public required int Id { get; init; }
    public required ColumnKind Kind { get; set; }
    public ColumnModel? Parent { get; set; }
    public List<ItemModel> Items { get; } = [];
    public DatePlace Dates { get; set; } = DatePlace.List;
    public EmptyStyle Empty { get; set; } = EmptyStyle.NoInfoText;
    public int PageSize { get; set; } = 10;

    /// <summary>Items link with an image only (topic banners), no text.</summary>
    public bool ImageLinks { get; set; }

    public List<LetterModel> Letters { get; } = [];
    public List<GuideModel> Guides { get; } = [];

    /// <summary>For OffSite columns: where the link leads.</summary>
    public External OffSiteServer { get; set; }

    public string OffSitePath { get; set; } = "/";
    public List<BrokenPlant> Broken { get; } = [];

    /// <summary>Shown as a block of the newest items on the homepage.</summary>
    public bool OnHome { get; set; }

    public bool IsList => Kind == ColumnKind.List;
    public int PageCount => Math.Max(1, (Items.Count + PageSize - 1) / PageSize);
    public IEnumerable<ColumnModel> Path => Parent is null ? [this] : [.. Parent.Path, this];
    public override string ToString() => Name;
}

public sealed class SiteModel
{
    public required string Slug { get; init; }
    public required string Name { get; init; }

    /// <summary>网站标识码.</summary>
    public required string Code { get; init; }

    public required Layout Layout { get; init; }
    public Charset Charset { get; set; } = Charset.Utf8;
    public bool Portal { get; init; }

    /// <summary>"/" for a site that owns its port; "/bm/tjj/" for a site living under a path of a shared host.</summary>
    public string Base { get; set; } = "/";

    /// <summary>Which shared host a prefixed site lives on (0 or 1); ignored for root sites.</summary>
    public int SharedHost { get; set; }

    public Reach Reach { get; set; } = Reach.Up;
    public int HomeDelayMs { get; set; }
    public int PageDelayMs { get; set; }

    /// <summary>Short name used in text (青石县).</summary>
    public required string Place { get; init; }

    public List<ColumnModel> Columns { get; } = [];
    public List<BrokenPlant> HomeBroken { get; } = [];

    /// <summary>A broken link in the footer of every page (a friendly link to a site that is gone).</summary>
    public BrokenPlant? FooterBroken { get; set; }

    public LetterStyle Letters { get; set; } = LetterStyle.StatusTable;

    /// <summary>Homepage dates as MM-dd (the year left to the reader).</summary>
    public bool HomeMonthDay { get; set; }

    /// <summary>Homepage dates shown as "3天前" beside a time datetime attribute.</summary>
    public bool HomeRelative { get; set; }

    public bool ShareLinks { get; set; } = true;

    /// <summary>The layout's second markup variant (plain pager links, another date style, another list shape).</summary>
    public bool Variant { get; set; }

    /// <summary>The misspelt state expression planted, if any.</summary>
    public string? Misspelling { get; set; }

    /// <summary>Correct text that contains the beginning of a state expression or a near miss of one.</summary>
    public List<string> NearMisses { get; } = [];

    /// <summary>The root path answers with a 302 to the homepage instead of the page itself.</summary>
    public bool RootRedirects { get; set; }

    /// <summary>What this site is in the farm: why it exists.</summary>
    public string Purpose { get; set; } = "";

    /// <summary>Veto codes this site is a near miss of: it looks like the defect and must pass.</summary>
    public HashSet<string> NearMissOf { get; } = [];

    public bool Prefixed => Base != "/";
    public IEnumerable<ColumnModel> TopLevel => Columns.Where(c => c.Parent is null);
    public ColumnModel Column(string name) => Columns.Single(c => c.Name == name);
    public IEnumerable<ColumnModel> ChildrenOf(ColumnModel parent) => Columns.Where(c => c.Parent == parent);
    public override string ToString() => $"{Slug} {Name}";
}
