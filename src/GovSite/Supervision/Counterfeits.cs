using System.Globalization;
using System.Net.Sockets;
using System.Net;
using GovSite.Accounts;
using GovSite.Common;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovSite.Supervision;

/// <summary>A name a forger might register to pass for a government site, and how it was made.</summary>
public sealed record LookAlike(string Host, string Kind);

/// <summary>
/// The look-alike names of a site: characters swapped, left out or replaced by look-alikes (0/o,
/// 1/l, rn/m …) in its English domain, other suffixes than .gov.cn, and pinyin spellings of its
/// Chinese name (full and initials, with and without 政府) under common suffixes. Registered
/// domains of the platform are never listed.
/// </summary>
public static class LookAlikeNames
{
    private static readonly (string From, string To)[] Homoglyphs =
        [("o", "0"), ("0", "o"), ("l", "1"), ("i", "1"), ("1", "l"), ("m", "rn"), ("rn", "m"), ("w", "vv"), ("vv", "w"), ("d", "cl"), ("g", "q"), ("u", "v"), ("n", "h")];

    private static readonly string[] Suffixes = ["com", "cn", "com.cn", "net", "org", "org.cn", "net.cn", "gov.cn.com", "gov.com", "govcn.com", "cc", "top"];

    private static readonly string[] NameEndings = ["门户网站", "网站", "人民政府", "政府"];

    public static List<LookAlike> For(SiteInfo site, IReadOnlySet<string> registered, int cap = 500)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string host, string kind)
        {
            host = host.Trim('.').ToLowerInvariant();
            if (host.Length is > 3 and <= 253 && !host.Contains("..", StringComparison.Ordinal) && !registered.Contains(host) && !site.Hosts.Contains(host))
            {
                found.TryAdd(host, kind);
            }
        }
        foreach (var host in site.Hosts.Where(HostName.IsGovCn))
        {
            var bare = host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
            var label = bare[..^".gov.cn".Length];
            var dot = label.LastIndexOf('.');
            var (prefix, key) = dot < 0 ? ("", label) : (label[..(dot + 1)], label[(dot + 1)..]);
            for (var i = 0; i + 1 < key.Length; i++)
            {
                if (key[i] != key[i + 1])
                {
                    Add($"{prefix}{key[..i]}{key[i + 1]}{key[i]}{key[(i + 2)..]}.gov.cn", "swap");
                }
            }
            for (var i = 0; i < key.Length && key.Length > 2; i++)
            {
                Add($"{prefix}{key[..i]}{key[(i + 1)..]}.gov.cn", "omission");
            }
            foreach (var (from, to) in Homoglyphs)
            {
                for (var at = key.IndexOf(from, StringComparison.Ordinal); at >= 0; at = key.IndexOf(from, at + 1, StringComparison.Ordinal))
                {
                    Add($"{prefix}{key[..at]}{to}{key[(at + from.Length)..]}.gov.cn", "homoglyph");
                }
            }
            foreach (var suffix in Suffixes)
            {
                Add($"{label}.{suffix}", "suffix");
                Add($"www.{label}.{suffix}", "suffix");
            }
            Add($"{label}gov.cn", "suffix");
            Add($"{label}-gov.cn", "suffix");
            Add($"{label.Replace('.', '-')}.com", "suffix");
        }
        foreach (var host in site.Hosts.Where(HostName.IsZhengwu))
        {
            var label = host[..^".政务".Length];
            foreach (var suffix in (string[])["中国", "公司", "网络", "网址", "com", "cn"])
            {
                Add($"{label}.{suffix}", "suffix");
            }
        }
        foreach (var core in Cores(site.Name))
        {
            var spellings = Search.Pinyin.Spellings(core, 4).Concat(Search.Pinyin.Initials(core, 4)).Distinct().ToList();
            foreach (var spelling in spellings.Where(s => s.All(char.IsAsciiLetterLower)))
            {
                foreach (var word in (string[])[spelling, spelling + "zf", spelling + "zhengfu", spelling + "gov"])
                {
                    foreach (var suffix in (string[])["com", "cn", "com.cn", "net", "org.cn", "gov.cn.com"])
                    {
                        Add($"{word}.{suffix}", "pinyin");
                        Add($"www.{word}.{suffix}", "pinyin");
                    }
                }
            }
        }
        return [.. found.Take(cap).Select(kv => new LookAlike(kv.Key, kv.Value))];
    }

    /// <summary>The name without 人民政府/网站 endings, and without its level (省/市/县/区) too.</summary>
    private static IEnumerable<string> Cores(string name)
    {
        var core = name.Trim();
        foreach (var ending in NameEndings)
        {
            if (core.EndsWith(ending, StringComparison.Ordinal) && core.Length > ending.Length)
            {
                core = core[..^ending.Length];
            }
        }
        var cores = new List<string> { core };
        if (core.Length > 2 && core[^1] is '省' or '市' or '县' or '区')
        {
            cores.Add(core[..^1]);
        }
        return cores.Where(c => c.Length is >= 2 and <= 12);
    }
}

/// <summary>
/// Looking a name up: the seam between the counterfeit check and DNS. Production resolves through
/// the system resolver, and only when an operator turns look-ups on; tests put a loopback stub here.
/// </summary>
public interface ILookAlikeResolver
{
    /// <summary>The addresses the name resolves to; empty when it does not resolve.</summary>
    Task<IReadOnlyList<string>> ResolveAsync(string host, CancellationToken ct);
}

public sealed class DnsLookAlikeResolver : ILookAlikeResolver
{
    public async Task<IReadOnlyList<string>> ResolveAsync(string host, CancellationToken ct)
    {
        try
        {
            var addresses = await Dns.GetHostAddressesAsync(HostName.ToAscii(host), ct);
            return [.. addresses.Select(a => a.ToString())];
        }
        catch (Exception e) when (e is SocketException or ArgumentException)
        {
            return [];
        }
    }
}

public sealed class CounterfeitInput
{
    /// <summary>The counterfeit's address or host name.</summary>
    public string? Url { get; set; }

    /// <summary>网站标识码 of the site it imitates.</summary>
    public string? Imitates { get; set; }

    /// <summary>Division code of the region handling it (defaults to the imitated site's).</summary>
    public string? Region { get; set; }
    public string? Description { get; set; }
    public string? Evidence { get; set; }
}

public sealed class CounterfeitStepInput
{
    public CounterfeitStepKind? Kind { get; set; }

    /// <summary>YYYY-MM-DD.</summary>
    public string? Date { get; set; }
    public string? Note { get; set; }
}

public sealed record LookAlikeScan(int Checked, int Resolved, List<CounterfeitCase> NewCases);

public sealed record CounterfeitFigures(int Reported, int ReportedToAuthorities, int ShutDown, int Closed);

/// <summary>假冒政府网站 cases: reported by staff or the public (找错), or found by looking up look-alike names; evidence, steps, counts.</summary>
public sealed class Counterfeits(GovSiteDb db, SiteAccess access, SiteDirectory directory, ILookAlikeResolver resolver,
    IOptions<SupervisionOptions> options, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private string Actor => access.UserName ?? "系统";

    public bool Supervises(int regionId) => access.Unrestricted || access.RegionIds.Contains(regionId);

    /// <summary>A case reported by staff.</summary>
    public Task<SaveResult<CounterfeitCase>> ReportAsync(CounterfeitInput input, CancellationToken ct = default) =>
        OpenAsync(input, CounterfeitSource.Staff, null, checkAccess: true, ct);

    /// <summary>
    /// The seam for 找错 (ErrorReports): a public report of kind 假冒网站 becomes a case of the
    /// imitated site's region, remembering the report's id, with the report as its evidence; when a
    /// case of the same host is still open, the report joins it as more evidence instead of opening
    /// a second case of one fake site.
    /// </summary>
    public async Task<SaveResult<CounterfeitCase>> FromErrorReportAsync(int errorReportId, string url, string? imitatedSiteCode, string description,
        CancellationToken ct = default)
    {
        var evidence = $"找错留言（编号 {errorReportId}）：{description}";
        if (HostOf(url) is { } host && directory.FindByHost(host) is null
            && await db.CounterfeitCases.IgnoreQueryFilters().OrderBy(c => c.Id)
                .FirstOrDefaultAsync(c => c.Host == host && c.Status != CounterfeitStatus.Closed, ct) is { } open)
        {
            db.CounterfeitEvidence.Add(new CounterfeitEvidence { CaseId = open.Id, Kind = "error-report", Content = Cut(evidence), At = Now, By = "公众（我为政府网站找错）" });
            await db.SaveChangesAsync(ct);
            return SaveResult<CounterfeitCase>.Ok(open);
        }
        return await OpenAsync(new CounterfeitInput { Url = url, Imitates = imitatedSiteCode, Description = Cut(description), Evidence = Cut(evidence) },
            CounterfeitSource.Public, errorReportId, checkAccess: false, ct);
    }

    private static string Cut(string text) => text.Length > 4000 ? text[..4000] : text;

    private async Task<SaveResult<CounterfeitCase>> OpenAsync(CounterfeitInput input, CounterfeitSource source, int? errorReportId, bool checkAccess,
        CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var host = HostOf(input.Url);
        if (host is null)
        {
            errors.Add(nameof(input.Url), "请填写假冒网站的网址或域名");
        }
        else if (directory.FindByHost(host) is not null)
        {
            errors.Add(nameof(input.Url), $"{host} 是本平台登记的政府网站域名，不是假冒网站");
        }
        SiteInfo? imitated = null;
        if (TypedText.Line(input.Imitates) is { } code)
        {
            imitated = directory.FindByCode(code);
            if (imitated is null)
            {
                errors.Add(nameof(input.Imitates), $"网站标识码 {code} 不存在");
            }
        }
        int? regionId = null;
        if (TypedText.Line(input.Region) is { } regionCode)
        {
            regionId = await db.Regions.AsNoTracking().Where(r => r.Code == regionCode).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
            if (regionId is null)
            {
                errors.Add(nameof(input.Region), "地区不存在");
            }
        }
        else if (imitated is not null)
        {
            regionId = await db.Sites.AsNoTracking().Where(s => s.Id == imitated.Id).Select(s => (int?)s.RegionId).FirstAsync(ct);
        }
        else
        {
            errors.Add(nameof(input.Region), "请填写负责处置的地区，或被假冒的网站");
        }
        var description = TypedText.Block(input.Description);
        if (description is null)
        {
            errors.Add(nameof(input.Description), "请描述假冒情况（冒用的名称、标识、内容等）");
        }
        else if (description.Length > 4000)
        {
            errors.Add(nameof(input.Description), "描述不能超过4000个字");
        }
        if (!errors.IsValid)
        {
            return SaveResult<CounterfeitCase>.Invalid(errors);
        }
        if (checkAccess && !Supervises(regionId!.Value))
        {
            return SaveResult<CounterfeitCase>.Denied();
        }
        var @case = new CounterfeitCase
        {
            RegionId = regionId!.Value, ImitatedSiteId = imitated?.Id, Host = host!, Url = TypedText.Line(input.Url) is { Length: <= 2000 } u && u.Contains("://", StringComparison.Ordinal) ? u : null,
            Source = source, Status = CounterfeitStatus.Open, Description = description!, ReportedAt = Now, ReportedBy = source == CounterfeitSource.Public ? "公众（我为政府网站找错）" : Actor,
            ErrorReportId = errorReportId,
        };
        db.CounterfeitCases.Add(@case);
        await db.SaveChangesAsync(ct);
        if (TypedText.Block(input.Evidence) is { } evidence)
        {
            db.CounterfeitEvidence.Add(new CounterfeitEvidence { CaseId = @case.Id, Kind = "text", Content = evidence, At = Now, By = @case.ReportedBy });
            await db.SaveChangesAsync(ct);
        }
        return SaveResult<CounterfeitCase>.Ok(@case);
    }

    public async Task<SaveResult<CounterfeitCase>> AddEvidenceAsync(int id, string? text, CancellationToken ct = default)
    {
        var @case = await db.CounterfeitCases.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null)
        {
            return SaveResult<CounterfeitCase>.Missing();
        }
        var content = TypedText.Block(text);
        if (content is null || content.Length > 4000)
        {
            var errors = new ValidationErrors();
            errors.Add("Evidence", "请填写证据（网址、截图说明、页面内容等，不超过4000个字）");
            return SaveResult<CounterfeitCase>.Invalid(errors);
        }
        db.CounterfeitEvidence.Add(new CounterfeitEvidence { CaseId = id, Kind = "text", Content = content, At = Now, By = Actor });
        await db.SaveChangesAsync(ct);
        return SaveResult<CounterfeitCase>.Ok(@case);
    }

    /// <summary>A handling step: reporting to 网信/公安 makes the case reported, 关停 shut down, 公告 closes it.</summary>
    public async Task<SaveResult<CounterfeitCase>> AddStepAsync(int id, CounterfeitStepInput input, CancellationToken ct = default)
    {
        var @case = await db.CounterfeitCases.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null)
        {
            return SaveResult<CounterfeitCase>.Missing();
        }
        var errors = new ValidationErrors();
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(nameof(input.Kind), "请选择处置步骤");
        }
        if (!DateOnly.TryParseExact((input.Date ?? "").Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(nameof(input.Date), "请按“2026-03-18”的格式填写日期");
        }
        var note = TypedText.Block(input.Note);
        if (note is { Length: > 2000 })
        {
            errors.Add(nameof(input.Note), "说明不能超过2000个字");
        }
        if (@case.Status == CounterfeitStatus.Closed)
        {
            errors.Add("Status", "案件已办结");
        }
        if (!errors.IsValid)
        {
            return SaveResult<CounterfeitCase>.Invalid(errors);
        }
        db.CounterfeitSteps.Add(new CounterfeitStep { CaseId = id, Kind = input.Kind!.Value, Date = date, Note = note, By = Actor, RecordedAt = Now });
        @case.Status = (input.Kind, @case.Status) switch
        {
            (CounterfeitStepKind.Announce, _) => CounterfeitStatus.Closed,
            (CounterfeitStepKind.ShutDown, _) => CounterfeitStatus.ShutDown,
            (CounterfeitStepKind.ReportCyberspace or CounterfeitStepKind.ReportPolice, CounterfeitStatus.Open) => CounterfeitStatus.Reported,
            _ => @case.Status,
        };
        if (@case.Status == CounterfeitStatus.Closed)
        {
            @case.ClosedAt = Now;
        }
        await db.SaveChangesAsync(ct);
        return SaveResult<CounterfeitCase>.Ok(@case);
    }

    /// <summary>The site's look-alike names, with registered domains of the whole platform left out.</summary>
    public List<LookAlike> LookAlikesOf(SiteInfo site)
    {
        var registered = directory.All.SelectMany(s => s.Hosts).ToHashSet(StringComparer.Ordinal);
        return LookAlikeNames.For(site, registered);
    }

    /// <summary>
    /// Looks up every look-alike name of a site (only when an operator has turned look-ups on) and
    /// opens a case for each name that resolves and has none yet, with the addresses as evidence.
    /// </summary>
    public async Task<SaveResult<LookAlikeScan>> ScanAsync(int siteId, CancellationToken ct = default)
    {
        var site = directory.FindById(siteId);
        if (site is null)
        {
            return SaveResult<LookAlikeScan>.Missing();
        }
        var regionId = await db.Sites.AsNoTracking().Where(s => s.Id == siteId).Select(s => s.RegionId).FirstAsync(ct);
        if (!Supervises(regionId))
        {
            return SaveResult<LookAlikeScan>.Denied();
        }
        if (!options.Value.LookupEnabled)
        {
            var errors = new ValidationErrors();
            errors.Add("Lookup", "未开启仿冒域名探测（由运维人员设置 GOVSITE_COUNTERFEIT_LOOKUP=true 后才会查询域名解析）");
            return SaveResult<LookAlikeScan>.Invalid(errors);
        }
        var names = LookAlikesOf(site);
        var resolved = new System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<string>>();
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (name, token) =>
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            try
            {
                if (await resolver.ResolveAsync(name.Host, timeout.Token) is { Count: > 0 } addresses)
                {
                    resolved[name.Host] = addresses;
                }
            }
            catch (OperationCanceledException) when (!token.IsCancellationRequested)
            {
                // A name that does not answer in time is not counted as resolving.
            }
        });
        var known = (await db.CounterfeitCases.IgnoreQueryFilters().Where(c => resolved.Keys.Contains(c.Host)).Select(c => c.Host).ToListAsync(ct)).ToHashSet();
        var opened = new List<CounterfeitCase>();
        foreach (var (host, addresses) in resolved.OrderBy(r => r.Key, StringComparer.Ordinal).Where(r => !known.Contains(r.Key)))
        {
            var kind = names.First(n => n.Host == host).Kind;
            var @case = new CounterfeitCase
            {
                RegionId = regionId, ImitatedSiteId = site.Id, Host = host, Source = CounterfeitSource.LookAlikeCheck, Status = CounterfeitStatus.Open,
                Description = $"仿冒域名探测发现：{host} 与 {site.Name}（{site.MainHost}）的域名或名称相近（{KindLabel(kind)}），且已能解析，需人工核实是否为假冒网站。",
                ReportedAt = Now, ReportedBy = Actor,
            };
            db.CounterfeitCases.Add(@case);
            await db.SaveChangesAsync(ct);
            db.CounterfeitEvidence.Add(new CounterfeitEvidence
            {
                CaseId = @case.Id, Kind = "resolution", Content = $"{host} 解析到 {string.Join("、", addresses)}（{Publishing.ChinaTime.Format(Now)}）", At = Now, By = Actor,
            });
            await db.SaveChangesAsync(ct);
            opened.Add(@case);
        }
        return SaveResult<LookAlikeScan>.Ok(new LookAlikeScan(names.Count, resolved.Count, opened));
    }

    /// <summary>A year's cases for the supervisor's annual report: reported, reported to the authorities, shut down, closed.</summary>
    public async Task<CounterfeitFigures> FiguresAsync(int[] regions, int year, CancellationToken ct = default)
    {
        var from = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(-8);
        var to = from.AddYears(1);
        var cases = db.CounterfeitCases.AsNoTracking().Where(c => regions.Contains(c.RegionId));
        var steps = from s in db.CounterfeitSteps.AsNoTracking()
                    join c in cases on s.CaseId equals c.Id
                    where s.Date >= new DateOnly(year, 1, 1) && s.Date <= new DateOnly(year, 12, 31)
                    select s;
        return new CounterfeitFigures(
            await cases.CountAsync(c => c.ReportedAt >= from && c.ReportedAt < to, ct),
            await steps.Where(s => s.Kind == CounterfeitStepKind.ReportCyberspace || s.Kind == CounterfeitStepKind.ReportPolice).Select(s => s.CaseId).Distinct().CountAsync(ct),
            await steps.Where(s => s.Kind == CounterfeitStepKind.ShutDown).Select(s => s.CaseId).Distinct().CountAsync(ct),
            await cases.CountAsync(c => c.ClosedAt >= from && c.ClosedAt < to, ct));
    }

    public static string KindLabel(string kind) => kind switch
    {
        "swap" => "字母调换",
        "omission" => "漏写字母",
        "homoglyph" => "形近字符",
        "suffix" => "其他后缀",
        "pinyin" => "名称拼音",
        _ => kind,
    };

    public static string Label(CounterfeitStatus status) => status switch
    {
        CounterfeitStatus.Open => "待核实",
        CounterfeitStatus.Reported => "已报告网信/公安",
        CounterfeitStatus.ShutDown => "已关停",
        _ => "已公告办结",
    };

    public static string Label(CounterfeitStepKind kind) => kind switch
    {
        CounterfeitStepKind.ReportCyberspace => "报告网信部门",
        CounterfeitStepKind.ReportPolice => "报告公安机关",
        CounterfeitStepKind.ShutDown => "关停",
        CounterfeitStepKind.Announce => "发布公告",
        _ => "其他",
    };

    public static string Label(CounterfeitSource source) => source switch
    {
        CounterfeitSource.Public => "公众举报（找错）",
        CounterfeitSource.Staff => "工作人员报告",
        _ => "仿冒域名探测",
    };

    /// <summary>The host of an address or of a bare host name, lower case; null when there is none.</summary>
    public static string? HostOf(string? text)
    {
        var s = TypedText.Line(text);
        if (s is null || s.Length > 2000)
        {
            return null;
        }
        var withScheme = s.Contains("://", StringComparison.Ordinal) ? s : "http://" + s;
        if (!Uri.TryCreate(withScheme, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host) || !uri.Host.Contains('.', StringComparison.Ordinal))
        {
            return null;
        }
        var host = HostName.Normalise(uri.IdnHost);
        return host.Length is > 0 and <= 253 ? host : null;
    }
}
