using GovSite.Common;

namespace GovSite.Tests.Monitoring.Farm2;

/// <summary>
/// Builds a site model: the column set a county portal or a department site usually has, filled
/// with fresh content, then changed by the defects and near misses the catalogue plants.
/// Deterministic: every choice comes from a Random seeded by the site's slug.
/// </summary>
public sealed class SiteBuilder
{
    private readonly SiteModel _site;
    private readonly Random _random;
    private readonly DateOnly _asOf;
    private int _nextColumn;
    private int _nextItem;
    private bool _synonyms;

    private SiteBuilder(SiteModel site, DateOnly asOf)
    {
        _site = site;
        _asOf = asOf;
        _random = new Random(Texts.Seed(site.Slug));
        _nextColumn = 1200 + _random.Next(800);
        _nextItem = 4_000_000 + _random.Next(900_000);
    }

    public static SiteBuilder Portal(string slug, string name, string place, string code, Layout layout, DateOnly asOf) =>
        new SiteBuilder(new SiteModel { Slug = slug, Name = name, Place = place, Code = code, Layout = layout, Portal = true }, asOf).StandardPortal();

    public static SiteBuilder Department(string slug, string name, string place, string code, Layout layout, DateOnly asOf) =>
        new SiteBuilder(new SiteModel { Slug = slug, Name = name, Place = place, Code = code, Layout = layout }, asOf).StandardDepartment();

    private ColumnModel Add(string name, string slug, ColumnKind kind, string? parent = null)
    {
        var column = new ColumnModel { Name = name, Slug = slug, Id = _nextColumn += 7, Kind = kind, Parent = parent is null ? null : _site.Column(parent) };
        _site.Columns.Add(column);
        return column;
    }

    private ColumnModel AddList(string name, string slug, int latestDaysAgo, int count, string? parent = null)
    {
        var column = Add(name, slug, ColumnKind.List, parent);
        Fill(column, latestDaysAgo, count);
        return column;
    }

    private string MailboxName => _site.Portal ? _site.Place[^1] + "长信箱" : "局长信箱";

    private SiteBuilder StandardPortal()
    {
        AddList("要闻动态", "ywdt", 1, 24).OnHome = true;
        AddList("工作动态", "gzdt", 3, 14);
        AddList("部门动态", "bmdt", 5, 12);
        AddList("通知公告", "tzgg", 20, 12).OnHome = true;
        Disclosure();
        AddList("统计数据", "tjsj", 35, 8, "政府信息公开");
        AddList("政策解读", "zcjd", 30, 6);
        Add("办事服务", "bsfw", ColumnKind.Hub);
        Add("办事指南", "bszn", ColumnKind.Guides, "办事服务");
        Add("互动交流", "hdjl", ColumnKind.Hub);
        Mailbox("互动交流");
        AddList("网上调查", "wsdc", 200, 4, "互动交流");
        AddList("专题专栏", "ztzl", 150, 5).ImageLinks = true;
        Add("机构概况", "jggk", ColumnKind.SinglePage);
        Add("领导信息", "ldxx", ColumnKind.SinglePage);
        Footer();
        return this;
    }

    private SiteBuilder StandardDepartment()
    {
        AddList("工作动态", "gzdt", 2, 16).OnHome = true;
        AddList("通知公告", "tzgg", 25, 10).OnHome = true;
        Disclosure();
        AddList("政策解读", "zcjd", 30, 5);
        Mailbox(null);
        Add("领导信息", "ldxx", ColumnKind.SinglePage);
        Footer();
        return this;
    }

    private void Disclosure()
    {
        Add("政府信息公开", "zwgk", ColumnKind.Hub);
        Add("政府信息公开指南", "xxgkzn", ColumnKind.SinglePage, "政府信息公开");
        Add("政府信息公开目录", "xxgkml", ColumnKind.CatalogueEntry, "政府信息公开");
        Add("机构职能", "jgzn", ColumnKind.SinglePage, "政府信息公开");
        AddList("政策文件", "zcwj", 45, 9, "政府信息公开");
        if (_site.Portal)
        {
            AddList("规范性文件", "gfxwj", 90, 6, "政府信息公开");
        }
        AddList("人事信息", "rsxx", 60, 6, "政府信息公开");
        AddList("规划计划", "ghjh", 120, 5, "政府信息公开");
        AddList("财政资金", "czzj", 70, 5, "政府信息公开");
        var reports = Add("政府信息公开年度报告", "ndbg", ColumnKind.List, "政府信息公开");
        foreach (var year in new[] { 2025, 2024, 2023 })
        {
            reports.Items.Add(new ItemModel
            {
                Id = _nextItem += 11,
                Title = Texts.Title("report", _site.Place, "", year, 0),
                Date = new DateOnly(year + 1, 1, 20 + year % 5),
                Paragraphs = [$"本报告根据《中华人民共和国政府信息公开条例》要求编制，全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等内容。"],
            });
        }
        Add("依申请公开", "ysqgk", ColumnKind.ApplyEntry, "政府信息公开");
    }

    private void Mailbox(string? parent)
    {
        var mailbox = Add(MailboxName, _site.Portal ? "xzxx" : "jzxx", ColumnKind.Letters, parent);
        foreach (var (daysAgo, n) in new[] { 2, 6, 15, 30, 48, 75, 110, 160, 200, 250, 300, 380 }.Select((d, n) => (d, n)))
        {
            var status = daysAgo switch { 2 => "待处理", 6 => "办理中", _ => n % 2 == 0 ? "已办结" : "已回复" };
            Letter(daysAgo, status is "待处理" or "办理中" ? null : 3 + n % 6, status);
        }
    }

    private void Footer()
    {
        Add("联系我们", "lxwm", ColumnKind.SinglePage);
        Add("网站声明", "wzsm", ColumnKind.SinglePage);
        Add("网站地图", "wzdt", ColumnKind.SinglePage);
    }

    private static string TextTypeOf(string name) => name switch
    {
        "政府信息公开年度报告" => "report",
        "网上调查" => "survey",
        "专题专栏" => "topic",
        "统计数据" => "statistics",
        "财政资金" => "finance",
        "应急管理" => "emergency",
        _ => Inspector.TypeOf(name),
    };

    private static int GapOf(string type) => type switch
    {
        "news" => 3,
        "notice" => 15,
        "policy" => 25,
        "personnel" => 40,
        "planning" => 60,
        _ => 45,
    };

    /// <summary>Gives a column count items, the newest dated latestDaysAgo before the check date.</summary>
    private void Fill(ColumnModel column, int latestDaysAgo, int count)
    {
        column.Items.Clear();
        var type = TextTypeOf(column.Name);
        var gap = GapOf(Inspector.TypeOf(column.Name));
        var date = _asOf.AddDays(-latestDaysAgo);
        for (var n = 0; n < count; n++)
        {
            var topic = Texts.Topics[_random.Next(Texts.Topics.Length)];
            column.Items.Add(new ItemModel
            {
                Id = _nextItem += 7 + _random.Next(30),
                Title = Texts.Title(type, _site.Place, topic, date.Year, n),
                Date = date,
                Paragraphs = Texts.Body(Inspector.TypeOf(column.Name), _site.Place, topic, date, _random),
            });
            date = date.AddDays(-gap - _random.Next(gap / 2 + 1));
        }
    }

    // ---- changes the catalogue applies ----

    public SiteBuilder Dated(string column, int latestDaysAgo)
    {
        var target = _site.Column(column);
        Fill(target, latestDaysAgo, Math.Max(target.Items.Count, 4));
        return this;
    }

    public SiteBuilder List(string name, string slug, int latestDaysAgo, int count, string? parent = "政府信息公开")
    {
        AddList(name, slug, latestDaysAgo, count, parent);
        return this;
    }

    public SiteBuilder Emptied(string column, EmptyStyle style)
    {
        var target = _site.Column(column);
        target.Items.Clear();
        target.Empty = style;
        target.ImageLinks = false;
        return this;
    }

    public SiteBuilder Remove(string column)
    {
        var target = _site.Column(column);
        foreach (var child in _site.ChildrenOf(target).ToList())
        {
            Remove(child.Name);
        }
        _site.Columns.Remove(target);
        return this;
    }

    public SiteBuilder OnHome(string column, bool shown = true)
    {
        _site.Column(column).OnHome = shown;
        return this;
    }

    /// <summary>Moves a column to the front (its homepage block comes first).</summary>
    public SiteBuilder First(string column)
    {
        var target = _site.Column(column);
        _site.Columns.Remove(target);
        _site.Columns.Insert(0, target);
        return this;
    }

    /// <summary>Puts 通知公告 under 政府信息公开 (法定主动公开内容), as gkmlpt sites do.</summary>
    public SiteBuilder NoticesInCatalogue()
    {
        var notices = _site.Column("通知公告");
        notices.Parent = _site.Column("政府信息公开");
        return this;
    }

    public SiteBuilder DatesAt(DatePlace place, params string[] columns)
    {
        foreach (var column in _site.Columns.Where(c => c.IsList && (columns.Length == 0 || columns.Contains(c.Name))))
        {
            column.Dates = place;
        }
        return this;
    }

    public SiteBuilder Misspell(string sentence, string wrong, string column, int item)
    {
        _site.Misspelling = wrong;
        Ordered(column)[item].Paragraphs.Insert(1, sentence);
        return this;
    }

    public SiteBuilder NearMiss(string sentence, string column, int item)
    {
        _site.NearMisses.Add(sentence);
        Ordered(column)[item].Paragraphs.Insert(1, sentence);
        return this;
    }

    private List<ItemModel> Ordered(string column) => [.. _site.Column(column).Items.OrderByDescending(i => i.Date).ThenByDescending(i => i.Id)];

    public SiteBuilder Break(string column, int item, BrokenKind kind, string target)
    {
        Ordered(column)[item].Broken.Add(new BrokenPlant(kind, target));
        return this;
    }

    public SiteBuilder BreakPage(string column, BrokenKind kind, string target)
    {
        _site.Column(column).Broken.Add(new BrokenPlant(kind, target));
        return this;
    }

    public SiteBuilder BreakHome(BrokenKind kind, string target)
    {
        _site.HomeBroken.Add(new BrokenPlant(kind, target));
        return this;
    }

    public SiteBuilder BreakFooter(BrokenKind kind, string target)
    {
        _site.FooterBroken = new BrokenPlant(kind, target);
        return this;
    }

    private ColumnModel MailboxColumn => _site.Column(MailboxName);

    public SiteBuilder Letter(int receivedDaysAgo, int? repliedAfterDays, string status)
    {
        var received = _asOf.AddDays(-receivedDaysAgo);
        var n = MailboxColumn.Letters.Count + _random.Next(Texts.Issues.Length);
        MailboxColumn.Letters.Add(new LetterModel
        {
            Id = 100_000 + _random.Next(800_000),
            Title = Texts.LetterTitle(n),
            Issue = n,
            Received = received,
            Replied = repliedAfterDays is { } days ? received.AddDays(days) : null,
            Status = status,
        });
        return this;
    }

    public SiteBuilder LetterPageSize(int size)
    {
        MailboxColumn.PageSize = size;
        return this;
    }

    public SiteBuilder NoChannel()
    {
        return Remove(_site.Portal ? "互动交流" : MailboxName);
    }

    /// <summary>The mailbox link leads to a page that is gone.</summary>
    public SiteBuilder MailboxMissing()
    {
        MailboxColumn.Kind = ColumnKind.Missing;
        MailboxColumn.Letters.Clear();
        return this;
    }

    /// <summary>The mailbox is a form; no letters are published.</summary>
    public SiteBuilder MailboxForm()
    {
        MailboxColumn.Kind = ColumnKind.MailForm;
        MailboxColumn.Letters.Clear();
        return this;
    }

    /// <summary>The mailbox is the city's unified platform, off-site.</summary>
    public SiteBuilder MailboxOffSite()
    {
        MailboxColumn.Kind = ColumnKind.OffSite;
        MailboxColumn.OffSiteServer = External.Mailbox;
        MailboxColumn.OffSitePath = $"/mailbox/write?dept={_site.Code}";
        MailboxColumn.Letters.Clear();
        return this;
    }

    public SiteBuilder NoServices() => _site.Portal ? Remove("办事服务") : this;

    /// <summary>办事服务 leads straight to the province's service hall.</summary>
    public SiteBuilder ServicesInHallOnly()
    {
        Remove("办事指南");
        var services = _site.Column("办事服务");
        services.Kind = ColumnKind.OffSite;
        services.OffSiteServer = External.Hall;
        services.OffSitePath = "/";
        return this;
    }

    public SiteBuilder Synonyms()
    {
        _synonyms = true;
        return this;
    }

    /// <summary>Adds guides with every element.</summary>
    public SiteBuilder Guides(int count, GuideShape shape) => Guides(count, shape, 0, timeLimitInsteadOfHours: false);

    /// <summary>Adds guides each lacking the given number of elements (never 事项名称 or 联系电话).</summary>
    public SiteBuilder Guides(int count, GuideShape shape, int missing, bool timeLimitInsteadOfHours = false)
    {
        var column = _site.Columns.FirstOrDefault(c => c.Kind == ColumnKind.Guides) ?? Add("办事指南", "bszn", ColumnKind.Guides);
        Element[] droppable = [Element.设定依据, Element.申请条件, Element.办理材料, Element.办理地点, Element.办理机构, Element.收费标准, Element.办理流程];
        for (var n = 0; n < count; n++)
        {
            var labels = Enum.GetValues<Element>().ToDictionary(e => e, e => Texts.Labels[e][_synonyms ? (n + (int)e) % Texts.Labels[e].Length : 0]);
            var drop = missing;
            if (timeLimitInsteadOfHours)
            {
                labels.Remove(Element.办理时间);
                drop--;
            }
            foreach (var element in droppable.OrderBy(_ => _random.Next()).Take(drop))
            {
                labels.Remove(element);
            }
            column.Guides.Add(new GuideModel
            {
                Id = 7000 + _random.Next(90_000),
                Name = Texts.ServiceItems[(column.Guides.Count + _random.Next(3)) % Texts.ServiceItems.Length] + (column.Guides.Count >= Texts.ServiceItems.Length ? "（变更）" : ""),
                Shape = shape,
                Labels = labels,
                HasTimeLimit = timeLimitInsteadOfHours || n % 2 == 0,
            });
        }
        return this;
    }

    public SiteBuilder Set(Action<SiteModel> change)
    {
        change(_site);
        return this;
    }

    public SiteBuilder Purpose(string purpose, params string[] nearMissOf)
    {
        _site.Purpose = purpose;
        _site.NearMissOf.UnionWith(nearMissOf);
        return this;
    }

    public SiteModel Build()
    {
        foreach (var column in _site.Columns.Where(c => c.IsList))
        {
            if (_site.Layout == Layout.Jcms)
            {
                column.PageSize = 1000;
            }
            if (column.Dates == DatePlace.Url && _site.Layout is not (Layout.Trs or Layout.Jcms))
            {
                throw new InvalidOperationException($"{_site.Slug}: only TRS and JCMS put dates in article URLs");
            }
            if (column.Dates == DatePlace.Detail)
            {
                // A detail page mentions other dates than its own: a deadline ahead, an older document.
                foreach (var item in column.Items)
                {
                    var deadline = _asOf.AddDays(10 + item.Id % 30);
                    var older = item.Date.AddDays(-400 - item.Id % 200);
                    item.Paragraphs.Add($"请各单位于{deadline.Year}年{deadline.Month}月{deadline.Day}日前将有关材料报送至{_site.Place}人民政府办公室。原{older.Year}年{older.Month}月{older.Day}日印发的有关文件同时废止。");
                }
            }
        }
        var names = _site.Columns.GroupBy(c => c.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (names.Count > 0)
        {
            throw new InvalidOperationException($"{_site.Slug}: two columns named {string.Join("、", names)}");
        }
        return _site;
    }
}
