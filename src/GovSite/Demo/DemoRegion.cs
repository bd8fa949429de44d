using System.Diagnostics;
using GovSite.Accounts;
using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.PublicSite;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Demo;

/// <summary>
/// The fictional 江川省 (division code 990000) seeded on first start, so a new installation
/// shows working sites and tests have fixtures to rely on. Codes starting 99 are not assigned
/// in GB/T 2260, which keeps the demo from passing for a real government.
/// </summary>
public static class DemoRegion
{
    public const string ProvinceCode = "990000";
    public const string CityCode = "990100";
    public const string CountyCode = "990121";
    public const string TownshipCode = "990121101";

    public const string ProvincialPortalCode = "9900000001";
    public const string DevelopmentReformCode = "9900000002";
    public const string EducationCode = "9900000003";
    public const string HumanResourcesCode = "9900000004";
    public const string CountyPortalCode = "9901210001";

    public static IReadOnlyList<string> SiteCodes { get; } =
        [ProvincialPortalCode, DevelopmentReformCode, EducationCode, HumanResourcesCode, CountyPortalCode];

    /// <summary>The seed of the demo's Random: content is the same on every run for the same "now".</summary>
    public const int RandomSeed = 990121;

    /// <summary>Seeds the demo region when the database has no sites at all (first start).</summary>
    /// <returns>Whether it seeded.</returns>
    public static async Task<bool> SeedIfEmptyAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var db = services.GetRequiredService<GovSiteDb>();
        if (await db.Sites.AnyAsync(ct))
        {
            return false;
        }
        await SeedCoreAsync(services, ct);
        return true;
    }

    /// <summary>
    /// Seeds the demo region unless one of its sites already exists; returns whether it did.
    /// Regions and organisations that already exist are reused.
    /// </summary>
    public static async Task<bool> SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var db = services.GetRequiredService<GovSiteDb>();
        var codes = SiteCodes.ToList();
        if (await db.Sites.AnyAsync(s => codes.Contains(s.Code), ct))
        {
            return false;
        }
        await SeedCoreAsync(services, ct);
        return true;
    }

    private static async Task SeedCoreAsync(IServiceProvider services, CancellationToken ct)
    {
        if (!services.GetRequiredService<SiteAccess>().Unrestricted)
        {
            throw new InvalidOperationException("Demo seeding is system work: call SiteAccess.BecomeSystem() on the scope first.");
        }
        var started = Stopwatch.GetTimestamp();
        var db = services.GetRequiredService<GovSiteDb>();
        var registry = services.GetRequiredService<RegistryService>();
        var siteService = services.GetRequiredService<SiteService>();
        var clock = services.GetRequiredService<TimeProvider>();

        await EnsureRegionAsync(db, registry, ProvinceCode, "江川省", RegionLevel.Province, null, ct);
        await EnsureRegionAsync(db, registry, CityCode, "临江市", RegionLevel.City, ProvinceCode, ct);
        await EnsureRegionAsync(db, registry, CountyCode, "清河县", RegionLevel.County, CityCode, ct);
        await EnsureRegionAsync(db, registry, TownshipCode, "桃源镇", RegionLevel.Township, CountyCode, ct);

        var office = await EnsureOrganisationAsync(db, registry, "江川省人民政府办公厅", ProvinceCode,
            "0999-88001001", "江川省临江市人民大道1号", ct);
        var reform = await EnsureOrganisationAsync(db, registry, "江川省发展和改革委员会", ProvinceCode,
            "0999-88002001", "江川省临江市人民大道9号", ct);
        var education = await EnsureOrganisationAsync(db, registry, "江川省教育厅", ProvinceCode,
            "0999-88003001", "江川省临江市文华路36号", ct);
        var humanResources = await EnsureOrganisationAsync(db, registry, "江川省人力资源和社会保障厅", ProvinceCode,
            "0999-88004001", "江川省临江市建设北路58号", ct);
        var dataBureau = await EnsureOrganisationAsync(db, registry, "江川省政务服务数据管理局", ProvinceCode,
            "0999-88005001", "江川省临江市创新大道200号", ct);
        var countyOffice = await EnsureOrganisationAsync(db, registry, "清河县人民政府办公室", CountyCode,
            "0999-66021001", "江川省临江市清河县清河大道88号", ct);

        var sites = new Dictionary<string, int>();
        foreach (var input in SiteInputs(office, reform, education, humanResources, dataBureau, countyOffice))
        {
            var result = await siteService.CreateAsync(input, ct);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo site {input.Code} was refused: " +
                    string.Join("; ", result.Errors.All.SelectMany(e => e.Value)));
            }
            sites[input.Code] = result.Value!.Id;
        }

        // One transaction for the township columns and every article: one commit instead of hundreds.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await AddTownshipAsync(db, sites[CountyPortalCode], ct);
        var columns = await db.Columns.Where(c => sites.Values.Contains(c.SiteId)).ToListAsync(ct);

        var nowLocal = ChinaTime.ToLocal(clock.GetUtcNow().UtcDateTime);
        var plan = DemoContent.Plan(DemoProfiles.All, nowLocal, new Random(RandomSeed));
        // Inserted directly rather than through ArticleService: one SaveChanges instead of two
        // queries and a commit per article keeps first start fast. The fields are set as
        // ArticleService sets them, and bodies still pass through the sanitiser.
        var saved = new Dictionary<PlannedArticle, Article>();
        foreach (var item in plan)
        {
            var siteId = sites[item.SiteCode];
            var publishedAt = ChinaTime.ToUtc(item.PublishedLocal);
            var article = new Article
            {
                SiteId = siteId,
                ColumnId = ColumnId(columns, siteId, item.ColumnPath),
                Title = item.Title,
                Body = HtmlSanitiser.Sanitise(item.Body),
                Source = item.Source,
                Keywords = item.Keywords,
                Status = ArticleStatus.Published,
                PublishedAt = publishedAt,
                // Backdated so the history looks lived-in: the item was written when it was published.
                CreatedAt = publishedAt,
                UpdatedAt = publishedAt,
                IndexNumber = item.Policy?.IndexNumber,
                Issuer = item.Policy?.Issuer,
                DocNumber = item.Policy?.DocNumber,
                WrittenDate = item.Policy?.WrittenDate,
                SubjectCategory = item.Policy?.SubjectCategory,
                Validity = item.Policy?.Validity,
                Interprets = item.Interprets is { } policy ? saved[policy] : null,
            };
            // 公开方式 as a new item gets it: policy documents and the disclosure columns' articles are 主动公开.
            var disclosureColumn = columns.Any(c => c.Id == article.ColumnId && c.Type == ColumnType.Disclosure);
            article.Disclosure = item.Policy is not null || disclosureColumn ? DisclosureMode.Proactive : null;
            article.GenreClass = item.Policy is not null || disclosureColumn ? DemoDisclosure.GenreOf(item.Title) : null;
            // Every article is a library item (先入库后使用), made here in the same SaveChanges.
            article.Item = Publishing.Library.LibraryService.FromArticle(article);
            article.Item.VersionNumber = 1;
            article.Item.InterpretationKind = item.Interprets is null ? null : Publishing.Library.InterpretationKind.Text;
            db.Articles.Add(article);
            saved[item] = article;
        }
        // The portals look like portals, the departments like department sites, each in its own colour.
        foreach (var (code, siteId) in sites)
        {
            db.SiteThemes.Add(new PublicSite.Themes.SiteTheme { SiteId = siteId, Settings = DemoTheme(code).ToJson(), UpdatedAt = clock.GetUtcNow().UtcDateTime });
        }
        await db.SaveChangesAsync(ct);
        foreach (var article in saved.Values)
        {
            article.Item!.InterpretsItemId = article.Interprets?.ItemId;
            db.ItemVersions.Add(Publishing.Library.ItemVersion.Of(article.Item, article.CreatedAt, null, "系统", "演示数据"));
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await DemoServices.SeedAsync(services, sites, ct);
        await DemoCitizens.SeedAsync(services, sites, ct);
        // So that a twin of a demo article is caught by the quality gate from the first start.
        await Publishing.Library.LibraryService.IndexPublishedAsync(db, services.GetRequiredService<Publishing.Quality.NearDuplicates>(),
            clock.GetUtcNow().UtcDateTime, ct: ct);

        // A year of supervision: rounds, 通报, rectifications, accountability, an integration, a closure, counterfeits, new media.
        await DemoSupervision.SeedAsync(services, sites, ct);

        var changes = services.GetRequiredService<SiteChanges>();
        foreach (var siteId in sites.Values)
        {
            await changes.RegistryChangedAsync(siteId, ct);
        }
        await DemoFigures.SeedAsync(services, sites, ct);
        try
        {
            await DemoDisclosure.SeedAsync(services, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Demo content is a convenience: a refused demo step must not stop the first start.
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoRegion)).LogWarning(e, "Demo disclosure data incomplete");
        }
        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoRegion))
            .LogInformation("Demo region seeded: {Sites} sites, {Articles} articles in {Elapsed} ms",
                sites.Count, saved.Count, (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private static PublicSite.Themes.ThemeSettings DemoTheme(string code) => code switch
    {
        ProvincialPortalCode => new() { Theme = PublicSite.Themes.ThemeNames.Portal, MainColour = "#a8101a", SecondColour = "#c9a227", ThirdColour = "#fbf6ec" },
        CountyPortalCode => new() { Theme = PublicSite.Themes.ThemeNames.Portal, MainColour = "#1f5f3a", SecondColour = "#7aa95c", ThirdColour = "#f0f6ee" },
        DevelopmentReformCode => new() { Theme = PublicSite.Themes.ThemeNames.Department, MainColour = "#0b4f8a" },
        EducationCode => new() { Theme = PublicSite.Themes.ThemeNames.Department, MainColour = "#1d6b5f" },
        _ => new() { Theme = PublicSite.Themes.ThemeNames.Department, MainColour = "#5a3e8c" },
    };

    private static IEnumerable<SiteInput> SiteInputs(Organisation office, Organisation reform, Organisation education,
        Organisation humanResources, Organisation dataBureau, Organisation countyOffice)
    {
        yield return new SiteInput
        {
            Code = ProvincialPortalCode,
            Name = "江川省人民政府",
            Type = SiteType.Portal,
            Level = SiteLevel.Province,
            Status = SiteStatus.Online,
            RegionCode = ProvinceCode,
            CompetentUnitId = office.Id,
            HostUnitId = office.Id,
            OperatorUnitId = dataBureau.Id,
            Domains = ["www.jiangchuan.gov.cn", "江川省人民政府.政务"],
            MainDomain = "www.jiangchuan.gov.cn",
            IcpNumber = "江ICP备20260001号-1",
            PoliceRecordNumber = "江公网安备 99010002000101号",
            ContactPhone = "0999-88001001",
            ContactEmail = "webmaster@jiangchuan.gov.cn",
            Address = "江川省临江市人民大道1号",
            Description = "江川省人民政府门户网站（演示数据，非真实政府网站），发布全省政务信息、政策文件和办事服务。",
        };
        yield return Department(DevelopmentReformCode, "江川省发展和改革委员会", reform, office, dataBureau,
            ["fgw.jiangchuan.gov.cn", "江川省发展和改革委员会.政务"], "江ICP备20260001号-2", "江公网安备 99010002000102号",
            "0999-88002001", "fgw@jiangchuan.gov.cn", "江川省临江市人民大道9号",
            "江川省发展和改革委员会门户网站（演示数据），发布发展规划、投资项目、价格和能源等信息。");
        yield return Department(EducationCode, "江川省教育厅", education, office, dataBureau,
            ["jyt.jiangchuan.gov.cn"], "江ICP备20260001号-3", "江公网安备 99010002000103号",
            "0999-88003001", "jyt@jiangchuan.gov.cn", "江川省临江市文华路36号",
            "江川省教育厅门户网站（演示数据），发布教育政策、招生考试和教育服务信息。");
        yield return Department(HumanResourcesCode, "江川省人力资源和社会保障厅", humanResources, office, dataBureau,
            ["rst.jiangchuan.gov.cn"], "江ICP备20260001号-4", "江公网安备 99010002000104号",
            "0999-88004001", "rst@jiangchuan.gov.cn", "江川省临江市建设北路58号",
            "江川省人力资源和社会保障厅门户网站（演示数据），发布就业创业、社会保险、人才人事和劳动关系信息。");
        yield return new SiteInput
        {
            Code = CountyPortalCode,
            Name = "清河县人民政府",
            Type = SiteType.Portal,
            Level = SiteLevel.County,
            Status = SiteStatus.Online,
            RegionCode = CountyCode,
            ParentCode = ProvincialPortalCode,
            CompetentUnitId = countyOffice.Id,
            HostUnitId = countyOffice.Id,
            OperatorUnitId = countyOffice.Id,
            Domains = ["www.qinghe.gov.cn", "清河县人民政府.政务"],
            MainDomain = "www.qinghe.gov.cn",
            IcpNumber = "江ICP备20260121号-1",
            PoliceRecordNumber = "江公网安备 99012102000101号",
            ContactPhone = "0999-66021001",
            ContactEmail = "qhxzf@qinghe.gov.cn",
            Address = "江川省临江市清河县清河大道88号",
            Description = "清河县人民政府门户网站（演示数据，非真实政府网站），含桃源镇子站。",
        };
    }

    private static SiteInput Department(string code, string name, Organisation host, Organisation competent,
        Organisation operatorUnit, List<string> domains, string icp, string police, string phone, string email,
        string address, string description) => new()
        {
            Code = code,
            Name = name,
            Type = SiteType.Department,
            Level = SiteLevel.Province,
            Status = SiteStatus.Online,
            RegionCode = ProvinceCode,
            ParentCode = ProvincialPortalCode,
            CompetentUnitId = competent.Id,
            HostUnitId = host.Id,
            OperatorUnitId = operatorUnit.Id,
            Domains = domains,
            MainDomain = domains[0],
            IcpNumber = icp,
            PoliceRecordNumber = police,
            ContactPhone = phone,
            ContactEmail = email,
            Address = address,
            Description = description,
        };

    /// <summary>桃源镇 has no site of its own: it is a sub-site column tree inside the county portal.</summary>
    private static async Task AddTownshipAsync(GovSiteDb db, int countySiteId, CancellationToken ct)
    {
        var lastOrder = await db.Columns.Where(c => c.SiteId == countySiteId && c.ParentId == null)
            .MaxAsync(c => (int?)c.SortOrder, ct) ?? 0;
        var township = new Column
        {
            SiteId = countySiteId,
            Name = "桃源镇",
            Type = ColumnType.Other,
            IsSubSite = true,
            SortOrder = lastOrder + 10,
            Description = "桃源镇人民政府子站",
            Keywords = "桃源镇,镇务,便民服务",
        };
        db.Columns.Add(township);
        await db.SaveChangesAsync(ct);
        var order = 0;
        foreach (var (name, type) in new[] { ("镇务动态", ColumnType.News), ("通知公告", ColumnType.Notice), ("便民服务", ColumnType.Service) })
        {
            db.Columns.Add(new Column { SiteId = countySiteId, ParentId = township.Id, Name = name, Type = type, SortOrder = order += 10 });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Finds a column by its path of names from the top, e.g. "办事服务/办事指南".</summary>
    private static int ColumnId(List<Column> columns, int siteId, string path)
    {
        int? parentId = null;
        Column? column = null;
        foreach (var name in path.Split('/'))
        {
            column = columns.FirstOrDefault(c => c.SiteId == siteId && c.ParentId == parentId && c.Name == name)
                ?? throw new InvalidOperationException($"Demo column {path} is missing on site {siteId}.");
            parentId = column.Id;
        }
        return column!.Id;
    }

    private static async Task EnsureRegionAsync(GovSiteDb db, RegistryService registry, string code, string name,
        RegionLevel level, string? parentCode, CancellationToken ct)
    {
        if (await db.Regions.AnyAsync(r => r.Code == code, ct))
        {
            return;
        }
        var result = await registry.SaveRegionAsync(null, new RegionInput { Code = code, Name = name, Level = level, ParentCode = parentCode }, ct);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo region {code} was refused: " +
                string.Join("; ", result.Errors.All.SelectMany(e => e.Value)));
        }
    }

    private static async Task<Organisation> EnsureOrganisationAsync(GovSiteDb db, RegistryService registry, string name,
        string regionCode, string phone, string address, CancellationToken ct)
    {
        var existing = await db.Organisations.FirstOrDefaultAsync(o => o.Name == name && o.Region!.Code == regionCode, ct);
        if (existing is not null)
        {
            return existing;
        }
        var result = await registry.SaveOrganisationAsync(null,
            new OrganisationInput { Name = name, RegionCode = regionCode, Phone = phone, Address = address }, ct);
        return result.Succeeded
            ? result.Value!
            : throw new InvalidOperationException($"Demo organisation {name} was refused: " +
                string.Join("; ", result.Errors.All.SelectMany(e => e.Value)));
    }
}
