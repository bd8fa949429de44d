using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using GovSite.Accounts;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Monitoring.Platform;

public sealed class MonitoredSiteInput
{
    public string Url { get; set; } = "";
    public string Name { get; set; } = "";
    public string RegionCode { get; set; } = "";
}

public sealed record SiteImportReport(int Added, IReadOnlyList<ImportProblem> Problems);

/// <summary>
/// Registers the sites supervisors watch: every hosted site automatically (reconciled with the
/// site registry), external sites one by one or from a CSV file.
/// </summary>
public sealed class MonitoredSiteRegistry(GovSiteDb db, SiteAccess access, TimeProvider clock, MonitoringOptions options)
{
    /// <summary>The homepage URL the monitor uses for a hosted site.</summary>
    public string HostedUrl(string code, string? mainHost) =>
        mainHost is null ? $"{options.PlatformUrl.TrimEnd('/')}/sites/{code}/" : $"{options.PublicScheme}://{mainHost}/";

    /// <summary>
    /// Makes the monitored list follow the hosted sites: adds new ones, follows domain, name and
    /// region changes, and pauses closed sites. Idempotent; runs on a schedule and after start.
    /// </summary>
    public async Task<int> ReconcileHostedAsync(CancellationToken ct = default)
    {
        var sites = await db.Sites.AsNoTracking()
            .Select(s => new
            {
                s.Id, s.Code, s.Name, s.RegionId, s.Status,
                MainHost = s.Domains.OrderByDescending(d => d.IsMain).ThenBy(d => d.Id).Select(d => d.Host).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var existing = await db.MonitoredSites.IgnoreQueryFilters().Where(m => m.SiteId != null).ToDictionaryAsync(m => m.SiteId!.Value, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = 0;
        foreach (var s in sites)
        {
            var url = HostedUrl(s.Code, s.MainHost);
            var active = s.Status is SiteStatus.Online or SiteStatus.Migrating;
            if (!existing.TryGetValue(s.Id, out var m))
            {
                // An external entry for the same homepage becomes the hosted site's entry.
                m = await db.MonitoredSites.IgnoreQueryFilters().FirstOrDefaultAsync(x => x.Url == url, ct);
                if (m is null)
                {
                    m = new MonitoredSite { CreatedAt = now, CreatedBy = "system" };
                    db.MonitoredSites.Add(m);
                }
            }
            if (m.SiteId != s.Id || m.Url != url || m.Name != s.Name || m.RegionId != s.RegionId || m.IsActive != active)
            {
                (m.SiteId, m.Url, m.Name, m.RegionId, m.IsActive) = (s.Id, url, s.Name, s.RegionId, active);
                changed++;
            }
        }
        await db.SaveChangesAsync(ct);
        return changed;
    }

    public async Task<SaveResult<MonitoredSite>> AddAsync(MonitoredSiteInput input, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var url = NormaliseUrl(input.Url, out var urlError);
        if (urlError is not null)
        {
            errors.Add(nameof(input.Url), urlError);
        }
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors.Add(nameof(input.Name), "请填写网站名称");
        }
        else if (name.Length > 200)
        {
            errors.Add(nameof(input.Name), "网站名称不能超过200个字");
        }
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == (input.RegionCode ?? "").Trim(), ct);
        if (region is null)
        {
            errors.Add(nameof(input.RegionCode), "所属地区不存在，请填写六位行政区划代码");
        }
        else if (!access.CanRegisterIn(region.Id))
        {
            errors.Add(nameof(input.RegionCode), "您不能在该地区登记监测网站（不在您的监管范围内）");
        }
        if (url is not null && await db.MonitoredSites.IgnoreQueryFilters().AnyAsync(m => m.Url == url, ct))
        {
            errors.Add(nameof(input.Url), "该网址已在监测名单中");
        }
        if (!errors.IsValid)
        {
            return SaveResult<MonitoredSite>.Invalid(errors);
        }
        var site = new MonitoredSite
        {
            Url = url!, Name = name, RegionId = region!.Id,
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = access.UserName,
            // A supervisor adds an external site to have it checked on the internet, links and all.
            CheckExternalLinks = true,
        };
        db.MonitoredSites.Add(site);
        await db.SaveChangesAsync(ct);
        return SaveResult<MonitoredSite>.Ok(site);
    }

    /// <summary>
    /// Reads url,name,region (or 网址,名称,地区代码) rows and adds each valid one; every bad line is
    /// reported by number with the reason, and the good lines are still added.
    /// </summary>
    public async Task<SiteImportReport> ImportCsvAsync(Stream csvStream, CancellationToken ct = default)
    {
        var problems = new List<ImportProblem>();
        var added = 0;
        using var reader = new StreamReader(csvStream, detectEncodingFromByteOrderMarks: true);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(),
            MissingFieldFound = null,
            BadDataFound = null,
        };
        using var csv = new CsvReader(reader, config);
        if (!await csv.ReadAsync() || !csv.ReadHeader())
        {
            return new(0, [new ImportProblem(1, "文件为空，第一行应为表头：url,name,region")]);
        }
        var headers = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        int Find(params string[] names) => Array.FindIndex(headers, h => names.Contains(h));
        var urlAt = Find("url", "网址", "首页地址");
        var nameAt = Find("name", "名称", "网站名称");
        var regionAt = Find("region", "regioncode", "地区代码", "地区");
        if (urlAt < 0 || nameAt < 0 || regionAt < 0)
        {
            return new(0, [new ImportProblem(1, "表头缺少必需的列，应为：url,name,region（或 网址,名称,地区代码）")]);
        }
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (await csv.ReadAsync())
        {
            var line = csv.Parser.RawRow;
            string Field(int i) => csv.TryGetField<string>(i, out var v) ? v?.Trim() ?? "" : "";
            var input = new MonitoredSiteInput { Url = Field(urlAt), Name = Field(nameAt), RegionCode = Field(regionAt) };
            if (input.Url.Length == 0 && input.Name.Length == 0 && input.RegionCode.Length == 0)
            {
                continue;
            }
            if (NormaliseUrl(input.Url, out _) is { } normal && !seen.Add(normal))
            {
                problems.Add(new(line, "网址与本文件前面的行重复"));
                continue;
            }
            var result = await AddAsync(input, ct);
            if (result.Succeeded)
            {
                added++;
            }
            else
            {
                problems.Add(new(line, string.Join("；", result.Errors.All.SelectMany(kv => kv.Value))));
            }
        }
        return new(added, problems);
    }

    /// <summary>An absolute http(s) URL with a host, lower-cased host, at least "/" as path.</summary>
    public static string? NormaliseUrl(string? text, out string? error)
    {
        error = null;
        var value = text?.Trim() ?? "";
        if (value.Length == 0)
        {
            error = "请填写网站首页地址";
            return null;
        }
        if (!value.Contains("://", StringComparison.Ordinal))
        {
            value = "https://" + value;
        }
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) ||
            string.IsNullOrEmpty(uri.Host) || !uri.Host.Contains('.', StringComparison.Ordinal) && uri.Host != "localhost")
        {
            error = $"网址“{text}”无效，应为 http:// 或 https:// 开头的网站首页地址";
            return null;
        }
        if (value.Length > 2000)
        {
            error = "网址过长（超过2000个字符）";
            return null;
        }
        return uri.GetLeftPart(UriPartial.Query);
    }
}

/// <summary>Who may see a monitored site's findings: its region's supervisors and the hosted site's own admins.</summary>
public static class MonitoringAccess
{
    public static bool CanView(SiteAccess access, MonitoredSite site) =>
        access.Unrestricted || access.RegionIds.Contains(site.RegionId) ||
        (site.SiteId is int id && access.CanAdministerSite(id));

    /// <summary>Regions whose dashboards the caller may open.</summary>
    public static bool Supervises(SiteAccess access) => access.Unrestricted || access.RegionIds.Length > 0;
}

/// <summary>Records every article change so the tamper check can tell a publish from an intrusion.</summary>
public sealed class PublishEventRecorder(GovSiteDb db, TimeProvider clock) : IArticleObserver
{
    public async Task ArticleChangedAsync(Article article, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // A scheduled article appears on its publish time, not when it was saved.
        var effective = article.Status == ArticleStatus.Published && article.PublishedAt > now ? article.PublishedAt.Value : now;
        db.PublishEvents.Add(new PublishEvent
        {
            SiteId = article.SiteId, ArticleId = article.Id, RecordedAt = now, EffectiveAt = effective,
            Status = article.Status.ToString(),
        });
        await db.SaveChangesAsync(ct);
    }
}
