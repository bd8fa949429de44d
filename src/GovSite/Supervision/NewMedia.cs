using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using GovSite.Accounts;
using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovSite.Supervision;

public sealed class NewMediaInput
{
    public int? OrganisationId { get; set; }

    /// <summary>网站标识码 of the site the account belongs with (optional).</summary>
    public string? Site { get; set; }
    public string? Name { get; set; }
    public NewMediaPlatform? Platform { get; set; }
    public string? AccountId { get; set; }
    public string? Operator { get; set; }
    public NewMediaStatus Status { get; set; } = NewMediaStatus.Opened;
}

public sealed class FiguresInput
{
    /// <summary>YYYY-MM-DD.</summary>
    public string? AsOf { get; set; }
    public int? Posts { get; set; }
    public int? Followers { get; set; }

    /// <summary>YYYY-MM-DD.</summary>
    public string? LastPostDate { get; set; }
}

/// <summary>A year's figures of one account for the annual reports: posts in the year and followers at its end.</summary>
public sealed record NewMediaYear(int AccountId, string Name, NewMediaPlatform Platform, int PostsInYear, int Followers);

/// <summary>
/// 政务新媒体 register: accounts per organisation (platform, id, operator, status) and their figures,
/// entered by hand or imported from CSV; an account whose last post is older than two weeks is
/// stale, as a news column would be.
/// </summary>
public sealed class NewMedia(GovSiteDb db, SiteAccess access, IOptions<SupervisionOptions> options, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(ChinaTime.ToLocal(Now));

    public bool IsStale(NewMediaAccount a, DateOnly today) =>
        a.Status != NewMediaStatus.Closed && (a.LastPostDate is not DateOnly last || today.DayNumber - last.DayNumber > options.Value.NewMediaStaleDays);

    public async Task<SaveResult<NewMediaAccount>> SaveAsync(int? id, NewMediaInput input, CancellationToken ct = default)
    {
        var account = id is int existing ? await db.NewMediaAccounts.FirstOrDefaultAsync(a => a.Id == existing, ct) : new NewMediaAccount { CreatedAt = Now };
        if (account is null)
        {
            return SaveResult<NewMediaAccount>.Missing();
        }
        var errors = new ValidationErrors();
        var organisation = input.OrganisationId is int orgId ? await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct) : null;
        if (organisation is null)
        {
            errors.Add(nameof(input.OrganisationId), "请选择开设账号的单位");
        }
        else if (!access.Unrestricted && !access.RegionIds.Contains(organisation.RegionId))
        {
            return SaveResult<NewMediaAccount>.Denied();
        }
        int? siteId = null;
        if (TypedText.Line(input.Site) is { } code)
        {
            siteId = await db.Sites.AsNoTracking().Where(s => s.Code == code).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
            if (siteId is null)
            {
                errors.Add(nameof(input.Site), $"网站标识码 {code} 不存在");
            }
        }
        var name = TypedText.Line(input.Name);
        if (name is null || name.Length > 100)
        {
            errors.Add(nameof(input.Name), "请填写账号名称（不超过100个字）");
        }
        if (input.Platform is not { } platform || !Enum.IsDefined(platform))
        {
            errors.Add(nameof(input.Platform), "请选择平台");
        }
        var accountId = TypedText.Line(input.AccountId);
        if (accountId is null || accountId.Length > 100)
        {
            errors.Add(nameof(input.AccountId), "请填写账号ID（微信号、微博ID等，不超过100个字符）");
        }
        else if (input.Platform is { } p && await db.NewMediaAccounts.IgnoreQueryFilters().AnyAsync(a => a.Platform == p && a.AccountId == accountId && a.Id != account.Id, ct))
        {
            errors.Add(nameof(input.AccountId), "该平台上的这个账号已登记");
        }
        var op = TypedText.Line(input.Operator);
        if (op is { Length: > 200 })
        {
            errors.Add(nameof(input.Operator), "运维单位不能超过200个字");
        }
        if (!Enum.IsDefined(input.Status))
        {
            errors.Add(nameof(input.Status), "状态无效");
        }
        if (!errors.IsValid)
        {
            return SaveResult<NewMediaAccount>.Invalid(errors);
        }
        account.OrganisationId = organisation!.Id;
        account.RegionId = organisation.RegionId;
        account.SiteId = siteId;
        account.Name = name!;
        account.Platform = input.Platform!.Value;
        account.AccountId = accountId!;
        account.Operator = op;
        account.Status = input.Status;
        account.UpdatedAt = Now;
        if (account.Id == 0)
        {
            db.NewMediaAccounts.Add(account);
        }
        await db.SaveChangesAsync(ct);
        return SaveResult<NewMediaAccount>.Ok(account);
    }

    /// <summary>The figures as of a day; the newest day's figures are copied onto the account.</summary>
    public async Task<SaveResult<NewMediaAccount>> RecordFiguresAsync(int id, FiguresInput input, CancellationToken ct = default)
    {
        var account = await db.NewMediaAccounts.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (account is null)
        {
            return SaveResult<NewMediaAccount>.Missing();
        }
        if (!access.Unrestricted && !access.RegionIds.Contains(account.RegionId) && !(account.SiteId is int s && access.CanAdministerSite(s)))
        {
            return SaveResult<NewMediaAccount>.Denied();
        }
        var errors = new ValidationErrors();
        var asOf = ParseDate(input.AsOf, nameof(input.AsOf), "统计日期", errors, required: true);
        var last = ParseDate(input.LastPostDate, nameof(input.LastPostDate), "最近发布日期", errors, required: false);
        if (input.Posts is not (>= 0) )
        {
            errors.Add(nameof(input.Posts), "发文量应为0或正整数");
        }
        if (input.Followers is not (>= 0))
        {
            errors.Add(nameof(input.Followers), "关注量应为0或正整数");
        }
        if (asOf is DateOnly a && last is DateOnly l && l > a)
        {
            errors.Add(nameof(input.LastPostDate), "最近发布日期不能晚于统计日期");
        }
        if (!errors.IsValid)
        {
            return SaveResult<NewMediaAccount>.Invalid(errors);
        }
        var row = await db.NewMediaFigures.FirstOrDefaultAsync(f => f.AccountId == id && f.AsOf == asOf, ct);
        if (row is null)
        {
            row = new NewMediaFigures { AccountId = id, AsOf = asOf!.Value };
            db.NewMediaFigures.Add(row);
        }
        (row.Posts, row.Followers, row.LastPostDate, row.RecordedAt, row.RecordedBy) = (input.Posts!.Value, input.Followers!.Value, last, Now, access.UserName ?? "系统");
        if (account.FiguresAsOf is null || asOf >= account.FiguresAsOf)
        {
            (account.Posts, account.Followers, account.LastPostDate, account.FiguresAsOf) = (row.Posts, row.Followers, last ?? account.LastPostDate, asOf);
        }
        account.UpdatedAt = Now;
        await db.SaveChangesAsync(ct);
        return SaveResult<NewMediaAccount>.Ok(account);
    }

    /// <summary>
    /// Figures from CSV: platform,account,as_of,posts,followers,last_post (or 平台,账号,统计日期,发文量,关注量,最近发布);
    /// each bad line is reported by number and the good ones kept.
    /// </summary>
    public async Task<(int Recorded, List<ImportProblem> Problems)> ImportFiguresAsync(Stream csv, CancellationToken ct = default)
    {
        var problems = new List<ImportProblem>();
        var recorded = 0;
        using var reader = new StreamReader(csv, detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null });
        if (!await parser.ReadAsync())
        {
            return (0, [new ImportProblem(1, "文件为空，第一行应为表头：platform,account,as_of,posts,followers,last_post")]);
        }
        var headers = (parser.Record ?? []).Select(h => h.Trim().ToLowerInvariant()).ToArray();
        int Find(params string[] names) => Array.FindIndex(headers, h => names.Contains(h));
        var (platformAt, accountAt, asOfAt, postsAt, followersAt, lastAt) =
            (Find("platform", "平台"), Find("account", "账号", "账号id"), Find("as_of", "统计日期"), Find("posts", "发文量"), Find("followers", "关注量", "粉丝数"), Find("last_post", "最近发布", "最近发布日期"));
        if (platformAt < 0 || accountAt < 0 || asOfAt < 0 || postsAt < 0 || followersAt < 0)
        {
            return (0, [new ImportProblem(1, "表头缺少必需的列：platform,account,as_of,posts,followers（last_post 可选）")]);
        }
        var line = 1;
        while (await parser.ReadAsync())
        {
            line++;
            var row = parser.Record ?? [];
            string Field(int i) => i >= 0 && i < row.Length ? row[i].Trim() : "";
            if (row.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            var platform = PlatformOf(Field(platformAt));
            if (platform is null)
            {
                problems.Add(new(line, $"平台“{Field(platformAt)}”无法识别（微博、微信、抖音、今日头条、快手、其他）"));
                continue;
            }
            var accountId = Field(accountAt);
            var account = await db.NewMediaAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Platform == platform && a.AccountId == accountId, ct);
            if (account is null)
            {
                problems.Add(new(line, $"账号 {accountId} 尚未登记或不在您的管理范围内"));
                continue;
            }
            var result = await RecordFiguresAsync(account.Id, new FiguresInput
            {
                AsOf = Field(asOfAt),
                Posts = int.TryParse(Field(postsAt), NumberStyles.None, CultureInfo.InvariantCulture, out var posts) ? posts : null,
                Followers = int.TryParse(Field(followersAt), NumberStyles.None, CultureInfo.InvariantCulture, out var followers) ? followers : null,
                LastPostDate = lastAt >= 0 ? Field(lastAt) : null,
            }, ct);
            if (result.Succeeded)
            {
                recorded++;
            }
            else
            {
                problems.Add(new(line, result.Forbidden ? "无权录入该账号的数据" : string.Join("；", result.Errors.All.SelectMany(e => e.Value))));
            }
        }
        return (recorded, problems);
    }

    /// <summary>Posts in a year (last figure of the year minus the last before it) and followers at its end, per account.</summary>
    public Task<List<NewMediaYear>> YearAsync(int[] regions, int year, CancellationToken ct = default) =>
        YearOfAsync(db.NewMediaAccounts.AsNoTracking().Where(a => regions.Contains(a.RegionId)), year, ct);

    /// <summary>
    /// The same for the accounts registered with one site: those naming it, and those of its host
    /// unit that name no site (an organisation's accounts usually go with its website). Read for the
    /// site's annual report, whoever reads it.
    /// </summary>
    public async Task<List<NewMediaYear>> SiteYearAsync(int siteId, int year, CancellationToken ct = default)
    {
        var hostUnit = await db.Sites.IgnoreQueryFilters().AsNoTracking().Where(s => s.Id == siteId).Select(s => s.HostUnitId).FirstOrDefaultAsync(ct);
        return await YearOfAsync(db.NewMediaAccounts.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.SiteId == siteId || (a.SiteId == null && hostUnit != null && a.OrganisationId == hostUnit)), year, ct);
    }

    private async Task<List<NewMediaYear>> YearOfAsync(IQueryable<NewMediaAccount> query, int year, CancellationToken ct)
    {
        var accounts = await query.OrderBy(a => a.Id).ToListAsync(ct);
        var ids = accounts.Select(a => a.Id).ToList();
        var end = new DateOnly(year, 12, 31);
        var figures = (await db.NewMediaFigures.IgnoreQueryFilters().AsNoTracking().Where(f => ids.Contains(f.AccountId) && f.AsOf <= end).ToListAsync(ct)).ToLookup(f => f.AccountId);
        return [.. accounts.Select(a =>
        {
            var mine = figures[a.Id].OrderBy(f => f.AsOf).ToList();
            var atEnd = mine.LastOrDefault();
            var before = mine.LastOrDefault(f => f.AsOf.Year < year);
            return new NewMediaYear(a.Id, a.Name, a.Platform, atEnd is null || atEnd.AsOf.Year < year ? 0 : atEnd.Posts - (before?.Posts ?? 0), atEnd?.Followers ?? 0);
        })];
    }

    public static NewMediaPlatform? PlatformOf(string text) => text.Trim().ToLowerInvariant() switch
    {
        "weibo" or "微博" or "新浪微博" => NewMediaPlatform.Weibo,
        "wechat" or "微信" or "微信公众号" => NewMediaPlatform.WeChat,
        "douyin" or "抖音" => NewMediaPlatform.Douyin,
        "toutiao" or "今日头条" or "头条" => NewMediaPlatform.Toutiao,
        "kuaishou" or "快手" => NewMediaPlatform.Kuaishou,
        "other" or "其他" => NewMediaPlatform.Other,
        _ => null,
    };

    public static string Label(NewMediaPlatform p) => p switch
    {
        NewMediaPlatform.Weibo => "微博",
        NewMediaPlatform.WeChat => "微信",
        NewMediaPlatform.Douyin => "抖音",
        NewMediaPlatform.Toutiao => "今日头条",
        NewMediaPlatform.Kuaishou => "快手",
        _ => "其他",
    };

    public static string Label(NewMediaStatus s) => s switch
    {
        NewMediaStatus.Opened => "已开设",
        NewMediaStatus.Approved => "已审核备案",
        _ => "已关停",
    };

    private static DateOnly? ParseDate(string? text, string field, string label, ValidationErrors errors, bool required)
    {
        var s = TypedText.Line(text);
        if (s is null)
        {
            if (required)
            {
                errors.Add(field, $"请填写{label}");
            }
            return null;
        }
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }
        errors.Add(field, $"{label}应为“2026-03-18”的格式");
        return null;
    }
}
