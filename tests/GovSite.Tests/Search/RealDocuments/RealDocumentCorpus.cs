using GovSite.Sites;

namespace GovSite.Tests.Search.RealDocuments;

/// <summary>
/// The corpus behind the second judged set: the five seed documents and 2,000 articles built from
/// them as a Guangdong provincial platform would carry them (the province's portal and general
/// office, Jiangmen's portal and two of its departments, Taishan's portal). Just under half is
/// government-website work quoting, implementing and explaining the seeds; the rest is the
/// ordinary business of the same sites, so that precision matters. The generator is deterministic
/// (one seeded <see cref="Random"/>), every article has a stable key, and every article says what
/// it is about in <see cref="CorpusArticle.About"/>, written with the template that produced it.
/// </summary>
public sealed partial class RealDocumentCorpus
{
    public const int GeneratedCount = 2000;

    public const string ProvincePortal = "4400000001";
    public const string ProvinceOffice = "4400000002";
    public const string JiangmenPortal = "4407000001";
    public const string JiangmenSocial = "4407000002";
    public const string JiangmenEducation = "4407000003";
    public const string TaishanPortal = "4407810001";

    public static readonly IReadOnlyList<CorpusSite> Sites =
    [
        new(ProvincePortal, "广东省人民政府", SiteType.Portal, "www.gd.test.gov.cn"),
        new(ProvinceOffice, "广东省人民政府办公厅", SiteType.Department, "ban.gd.test.gov.cn"),
        new(JiangmenPortal, "江门市人民政府", SiteType.Portal, "www.jiangmen.test.gov.cn"),
        new(JiangmenSocial, "江门市人力资源和社会保障局", SiteType.Department, "hrss.jiangmen.test.gov.cn"),
        new(JiangmenEducation, "江门市教育局", SiteType.Department, "edu.jiangmen.test.gov.cn"),
        new(TaishanPortal, "台山市人民政府", SiteType.Portal, "www.taishan.test.gov.cn"),
    ];

    /// <summary>The seeds and the generated articles, seeds first.</summary>
    public static IReadOnlyList<CorpusArticle> Build(string seedDirectory)
    {
        var seeds = SeedDocuments.Load(seedDirectory);
        return [.. seeds, .. Generate(seedDirectory)];
    }

    public static IReadOnlyList<CorpusArticle> Generate(string seedDirectory)
    {
        var corpus = new RealDocumentCorpus(File.ReadAllText(Path.Combine(seedDirectory, "001_cc3886c8615626b1.txt")));
        corpus.WebsiteWork();
        corpus.OrdinaryBusiness();
        if (corpus._articles.Count != GeneratedCount)
        {
            throw new InvalidOperationException($"The generator made {corpus._articles.Count} articles, not {GeneratedCount}.");
        }
        return corpus._articles;
    }

    /// <summary>A place an article can be about, with the office that writes about it and its 文号 prefix.</summary>
    private sealed record Place(string Name, string Short, string Site, string Office, string Abbr, string Scope, string[] Tags)
    {
        /// <summary>Telephone area code.</summary>
        public string Area { get; init; } = "0750";

        public string Subordinates => Scope switch
        {
            "全省" => "各地级以上市人民政府，各县（市、区）人民政府，省政府各部门、各直属机构",
            "全市" => "各县（市、区）人民政府，市政府各部门、各直属机构",
            _ => "各镇人民政府、街道办事处，本级各部门、各直属机构",
        };
    }

    private static Place City(string name, string abbr, string area) =>
        new(name, name[..^1], ProvincePortal, name + "人民政府办公室", abbr, "全市", [Tag.Place(name[..^1])]) { Area = area };

    private static readonly Place Guangdong = new("广东省", "广东", ProvincePortal, "广东省人民政府办公厅", "粤府办", "全省", [Tag.Place("广东")]) { Area = "020" };
    private static readonly Place Jiangmen = new("江门市", "江门", JiangmenPortal, "江门市人民政府办公室", "江府办", "全市", [Tag.Place("江门")]);
    private static readonly Place Taishan = new("台山市", "台山", TaishanPortal, "台山市人民政府办公室", "台府办", "全市", [Tag.Place("台山")]);
    private static readonly Place Hunan = new("湖南省", "湖南", ProvinceOffice, "湖南省人民政府办公厅", "湘政办", "全省", [Tag.Place("湖南")]);
    private static readonly Place Beijing = new("北京市", "北京", ProvinceOffice, "北京市人民政府办公厅", "京政办", "全市", [Tag.Place("北京")]);

    /// <summary>Guangdong's other prefecture-level cities; their news reaches the provincial portal.</summary>
    private static readonly Place[] OtherCities =
    [
        City("广州市", "穗府办", "020"), City("深圳市", "深府办", "0755"), City("珠海市", "珠府办", "0756"), City("汕头市", "汕府办", "0754"),
        City("佛山市", "佛府办", "0757"), City("韶关市", "韶府办", "0751"), City("河源市", "河府办", "0762"), City("梅州市", "梅市府办", "0753"),
        City("惠州市", "惠府办", "0752"), City("汕尾市", "汕尾府办", "0660"), City("东莞市", "东府办", "0769"), City("中山市", "中府办", "0760"),
        City("阳江市", "阳府办", "0662"), City("湛江市", "湛府办", "0759"), City("茂名市", "茂府办", "0668"), City("肇庆市", "肇府办", "0758"),
        City("清远市", "清府办", "0763"), City("潮州市", "潮府办", "0768"), City("揭阳市", "揭府办", "0663"), City("云浮市", "云府办", "0766"),
    ];

    /// <summary>Jiangmen's districts and county-level cities; Taishan has its own portal.</summary>
    private static readonly Place[] JiangmenCounties =
    [
        new("蓬江区", "蓬江", JiangmenPortal, "蓬江区人民政府办公室", "蓬府办", "全区", [Tag.Place("蓬江")]),
        new("江海区", "江海", JiangmenPortal, "江海区人民政府办公室", "江海府办", "全区", [Tag.Place("江海")]),
        new("新会区", "新会", JiangmenPortal, "新会区人民政府办公室", "新府办", "全区", [Tag.Place("新会")]),
        Taishan,
        new("开平市", "开平", JiangmenPortal, "开平市人民政府办公室", "开府办", "全市", [Tag.Place("开平")]),
        new("鹤山市", "鹤山", JiangmenPortal, "鹤山市人民政府办公室", "鹤府办", "全市", [Tag.Place("鹤山")]),
        new("恩平市", "恩平", JiangmenPortal, "恩平市人民政府办公室", "恩府办", "全市", [Tag.Place("恩平")]),
    ];

    /// <summary>Taishan's towns: what happens in them is about Taishan too, and their news says 台山市 first.</summary>
    private static readonly Place[] TaishanTowns =
    [
        .. new[] { "台城街道", "大江镇", "水步镇", "四九镇", "白沙镇", "三合镇", "冲蒌镇", "斗山镇", "都斛镇", "赤溪镇",
            "端芬镇", "广海镇", "海宴镇", "汶村镇", "深井镇", "北陡镇", "川岛镇" }
            .Select(t => new Place("台山市" + t, t[..2], TaishanPortal, "台山市" + t + (t.EndsWith("街道", StringComparison.Ordinal) ? "办事处" : "人民政府"),
                t[..1] + "府", "全镇", [Tag.Place("台山"), Tag.Place(t[..2])])),
    ];

    /// <summary>Fictional local officials; none shares a name with anyone a judged query asks about.</summary>
    private static readonly string[] Officials =
    [
        "梁振华", "黄海涛", "李国平", "陈晓东", "吴卫东", "谭伟明", "余建新", "关志刚", "司徒敏", "甄丽娟",
        "冯家豪", "劳锦泉", "伍少芬", "刘德明", "周嘉仪", "邓启航", "麦秀清", "钟立新", "叶淑贞", "区卓然",
        "何健生", "潘明辉", "朱燕玲", "罗思远", "郑柏林", "苏慧敏", "林少杰", "曾繁荣", "胡晓峰", "陆可欣",
    ];

    /// <summary>Numbers never given to an ordinary document, so a judged 文号 is matched only where it is meant to be.</summary>
    private static readonly int[] ReservedNumbers = [3, 12, 47, 51, 57, 73];

    private readonly Random _random = new(20150129);
    private readonly List<CorpusArticle> _articles = [];
    private readonly HashSet<string> _titles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _families = new(StringComparer.Ordinal);
    private readonly string _jiangmenSeed;

    private RealDocumentCorpus(string jiangmenSeed) => _jiangmenSeed = jiangmenSeed;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private List<T> PickSome<T>(IReadOnlyList<T> items, int count) =>
        [.. items.OrderBy(_ => _random.Next()).Take(count)];

    private int Number(int from, int to) => _random.Next(from, to + 1);

    private bool Chance(double p) => _random.NextDouble() < p;

    private DateTime Date(int fromYear, int fromMonth, int toYear, int toMonth)
    {
        var from = new DateTime(fromYear, fromMonth, 1);
        var to = new DateTime(toYear, toMonth, 1).AddMonths(1).AddDays(-1);
        return from.AddDays(_random.Next((to - from).Days + 1)).AddHours(_random.Next(8, 18)).AddMinutes(_random.Next(60));
    }

    private static string Day(DateTime d) => $"{d.Month}月{d.Day}日";

    private static string FullDate(DateTime d) => $"{d.Year}年{d.Month}月{d.Day}日";

    private string Phone(string area = "0750") => $"{area}-{Number(2100000, 3999999)}";

    /// <summary>A 文号 of an ordinary document: never one of the numbers the judged queries ask about.</summary>
    private string DocNumber(string prefix, int year)
    {
        int n;
        do
        {
            n = Number(1, 160);
        }
        while (ReservedNumbers.Contains(n));
        return $"{prefix}〔{year}〕{n}号";
    }

    /// <summary>
    /// Adds an article if its title is new (a portal rarely carries two pages with one title, and
    /// distinct titles keep the misses readable); false lets the caller draw again.
    /// </summary>
    private bool Add(string family, string site, CorpusColumn column, string title, string body, DateTime at,
        IEnumerable<string> about, Func<CorpusArticle, CorpusArticle>? more = null)
    {
        if (!_titles.Add(title))
        {
            return false;
        }
        var n = _families[family] = _families.GetValueOrDefault(family) + 1;
        var article = new CorpusArticle($"{family}-{n:000}", site, column, title, body, at, about.ToHashSet(StringComparer.Ordinal));
        _articles.Add(more is null ? article : more(article));
        return true;
    }

    /// <summary>Draws from <paramref name="make"/> until it has added <paramref name="count"/> articles.</summary>
    private void Repeat(int count, Func<bool> make)
    {
        var added = 0;
        for (var tries = 0; added < count; tries++)
        {
            if (tries > count * 50)
            {
                throw new InvalidOperationException("A template ran out of distinct titles.");
            }
            if (make())
            {
                added++;
            }
        }
    }

    private static string Lines(params string?[] lines) => string.Join("\n", lines.Where(l => !string.IsNullOrEmpty(l)));
}
