using System.Text.Json;
using GovSite.Accounts;
using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovSite.Supervision;

public sealed class SiteApplicationInput
{
    public SiteInput Site { get; set; } = new();
    public string? Reason { get; set; }
}

public sealed class OfflineInput
{
    public string? Reason { get; set; }
    public string? Text { get; set; }

    /// <summary>YYYY-MM-DD, optional.</summary>
    public string? ExpectedBack { get; set; }
}

public sealed class ClosureInput
{
    public string? Reason { get; set; }
    public string? Text { get; set; }

    /// <summary>网站标识码 of the site that took over the content (optional).</summary>
    public string? Successor { get; set; }

    /// <summary>Where the content went when that is not a site of this platform.</summary>
    public string? SuccessorUrl { get; set; }

    /// <summary>Days the notice stays at least (30 by default; never fewer).</summary>
    public int? NoticeDays { get; set; }
}

/// <summary>
/// A site's life as a small explicit model: applied → approved → online; online ⇄ temporarily
/// offline; online or offline → migrating → closed; online or offline → closed. Each step is
/// recorded (who, when, why); offline and closed sites answer with their notice (<see cref="SiteLifecycleGate"/>).
/// </summary>
public sealed class SiteLifecycle(GovSiteDb db, SiteAccess access, SiteService sites, SiteChanges changes, IOptions<SupervisionOptions> options,
    TimeProvider clock, Audit.AuditLog audit)
{
    private static readonly Dictionary<SiteStatus, SiteStatus[]> Transitions = new()
    {
        [SiteStatus.Applied] = [SiteStatus.Approved],
        [SiteStatus.Approved] = [SiteStatus.Online],
        [SiteStatus.Online] = [SiteStatus.Offline, SiteStatus.Migrating, SiteStatus.Closed],
        [SiteStatus.Offline] = [SiteStatus.Online, SiteStatus.Migrating, SiteStatus.Closed],
        [SiteStatus.Migrating] = [SiteStatus.Closed],
        [SiteStatus.Closed] = [],
    };

    public static bool Allowed(SiteStatus from, SiteStatus to) => Transitions.TryGetValue(from, out var next) && next.Contains(to);

    public static IReadOnlyList<SiteStatus> Next(SiteStatus from) => Transitions.GetValueOrDefault(from) ?? [];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private string Actor => access.UserName ?? "系统";

    /// <summary>The host unit applies to open a site; the region's supervisor decides.</summary>
    public async Task<SaveResult<SiteApplication>> ApplyAsync(SiteApplicationInput input, CancellationToken ct = default)
    {
        if (!access.IsAuthenticated)
        {
            return SaveResult<SiteApplication>.Denied();
        }
        var errors = new ValidationErrors();
        var s = input.Site;
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == (s.RegionCode ?? "").Trim(), ct);
        if (region is null)
        {
            errors.Add("Site.RegionCode", "所属地区不存在");
        }
        var name = TypedText.Line(s.Name);
        if (name is null || name.Length > 200)
        {
            errors.Add("Site.Name", "请填写网站名称（不超过200个字）");
        }
        var code = (s.Code ?? "").Trim();
        var check = SiteCode.Check(code, region?.Code);
        if (!check.Acceptable)
        {
            errors.Add("Site.Code", check.Warning!);
        }
        else if (await db.Sites.AnyAsync(x => x.Code == code, ct))
        {
            errors.Add("Site.Code", $"网站标识码 {code} 已被其他网站使用");
        }
        var hosts = s.Domains.Select(HostName.Normalise).Where(h => h.Length > 0).ToList();
        if (hosts.Count == 0)
        {
            errors.Add("Site.Domains", "请至少填写一个域名（英文域名以 .gov.cn 结尾，中文域名以 .政务 结尾）");
        }
        foreach (var host in hosts.Where(h => !HostName.IsGovCn(h) && !HostName.IsZhengwu(h)))
        {
            errors.Add("Site.Domains", $"域名 {host} 不符合要求：英文域名须以 .gov.cn 结尾，中文域名须以 .政务 结尾");
        }
        var reason = TypedText.Block(input.Reason);
        if (reason is { Length: > 2000 })
        {
            errors.Add(nameof(input.Reason), "申请理由不能超过2000个字");
        }
        if (!errors.IsValid)
        {
            return SaveResult<SiteApplication>.Invalid(errors);
        }
        s.Status = SiteStatus.Approved;
        var application = new SiteApplication
        {
            RegionId = region!.Id, Code = code, Name = name!, Details = JsonSerializer.Serialize(s), Reason = reason,
            Status = ApplicationStatus.Pending, AppliedAt = Now, AppliedBy = Actor,
        };
        db.SiteApplications.Add(application);
        await db.SaveChangesAsync(ct);
        return SaveResult<SiteApplication>.Ok(application);
    }

    /// <summary>The competent unit approves (the site is registered as approved, its standard columns made) or rejects.</summary>
    public async Task<SaveResult<SiteApplication>> DecideAsync(int id, bool approve, string? comment, CancellationToken ct = default)
    {
        var application = await db.SiteApplications.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return SaveResult<SiteApplication>.Missing();
        }
        if (!Supervises(application.RegionId))
        {
            return SaveResult<SiteApplication>.Denied();
        }
        var errors = new ValidationErrors();
        if (application.Status != ApplicationStatus.Pending)
        {
            errors.Add("Status", "该申请已处理");
            return SaveResult<SiteApplication>.Invalid(errors);
        }
        var note = TypedText.Block(comment);
        if (!approve && note is null)
        {
            errors.Add("Comment", "不予批准须写明理由");
            return SaveResult<SiteApplication>.Invalid(errors);
        }
        if (approve)
        {
            var input = JsonSerializer.Deserialize<SiteInput>(application.Details)!;
            input.Status = SiteStatus.Approved;
            var created = await sites.CreateAsync(input, ct);
            if (!created.Succeeded)
            {
                return created.Forbidden ? SaveResult<SiteApplication>.Denied() : SaveResult<SiteApplication>.Invalid(created.Errors);
            }
            application.SiteId = created.Value!.Id;
            db.SiteLifecycleEvents.Add(new SiteLifecycleEvent
            {
                SiteId = created.Value.Id, From = SiteStatus.Applied, To = SiteStatus.Approved, At = Now, By = Actor, Reason = note ?? application.Reason,
            });
        }
        application.Status = approve ? ApplicationStatus.Approved : ApplicationStatus.Rejected;
        application.DecidedAt = Now;
        application.DecidedBy = Actor;
        application.Comment = note;
        await db.SaveChangesAsync(ct);
        return SaveResult<SiteApplication>.Ok(application);
    }

    /// <summary>
    /// Online: from approved (identifier code and domains checked, missing standard columns made) or
    /// back from temporarily offline (its notice removed).
    /// </summary>
    public async Task<SaveResult<Site>> GoOnlineAsync(int siteId, CancellationToken ct = default)
    {
        var (site, refusal) = await ForChangeAsync(siteId, SiteStatus.Online, siteAdminMay: true, ct);
        if (site is null)
        {
            return refusal!;
        }
        var errors = new ValidationErrors();
        var check = SiteCode.Check(site.Code, site.Region?.Code);
        if (!check.Acceptable)
        {
            errors.Add("Code", check.Warning!);
        }
        if (site.Domains.Count == 0)
        {
            errors.Add("Domains", "网站没有登记域名，不能上线");
        }
        foreach (var d in site.Domains.Where(d => !HostName.IsGovCn(d.Host) && !HostName.IsZhengwu(d.Host)))
        {
            errors.Add("Domains", $"域名 {d.Host} 不符合要求");
        }
        if (site.Domains.Count > 0 && !site.Domains.Any(d => d.IsMain))
        {
            errors.Add("Domains", "请指定主域名");
        }
        if (site.HostUnitId is null)
        {
            errors.Add("HostUnitId", "网站没有主办单位，页面底部无法显示，不能上线");
        }
        if (!errors.IsValid)
        {
            return SaveResult<Site>.Invalid(errors);
        }
        if (site.Status == SiteStatus.Approved)
        {
            var have = await db.Columns.IgnoreQueryFilters().Where(c => c.SiteId == site.Id && c.ParentId == null).Select(c => c.Name).ToListAsync(ct);
            var missing = StandardColumns.For(site.Type).Where(t => !have.Contains(t.Name)).ToList();
            if (missing.Count > 0)
            {
                await StandardColumns.ProvisionAsync(db, site.Id, missing, ct: ct);
            }
        }
        var notice = await db.SiteNotices.FirstOrDefaultAsync(n => n.SiteId == site.Id, ct);
        if (notice is not null)
        {
            db.SiteNotices.Remove(notice);
        }
        return await MoveAsync(site, SiteStatus.Online, site.Status == SiteStatus.Offline ? "恢复上线" : "审核通过后上线", ct);
    }

    /// <summary>临时下线 with a reason and the notice visitors see meanwhile.</summary>
    public async Task<SaveResult<Site>> TakeOfflineAsync(int siteId, OfflineInput input, CancellationToken ct = default)
    {
        var (site, refusal) = await ForChangeAsync(siteId, SiteStatus.Offline, siteAdminMay: true, ct);
        if (site is null)
        {
            return refusal!;
        }
        var errors = new ValidationErrors();
        var reason = TypedText.Line(input.Reason);
        if (reason is null || reason.Length > 500)
        {
            errors.Add(nameof(input.Reason), "请填写下线原因（不超过500个字）");
        }
        var text = TypedText.Block(input.Text);
        if (text is { Length: > 4000 })
        {
            errors.Add(nameof(input.Text), "公告内容不能超过4000个字");
        }
        DateOnly? back = null;
        if (TypedText.Line(input.ExpectedBack) is { } backText)
        {
            if (DateOnly.TryParseExact(backText, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.None, out var date))
            {
                back = date;
            }
            else
            {
                errors.Add(nameof(input.ExpectedBack), "预计恢复日期应为“2026-03-18”的格式");
            }
        }
        if (!errors.IsValid)
        {
            return SaveResult<Site>.Invalid(errors);
        }
        await UpsertNoticeAsync(site.Id, n =>
        {
            n.Kind = SiteNoticeKind.Offline;
            n.Reason = reason!;
            n.Text = text ?? $"{site.Name}因{reason}临时下线，给您带来不便，敬请谅解。";
            n.ExpectedBack = back;
            n.NoticeUntil = null;
            (n.SuccessorSiteId, n.SuccessorName, n.SuccessorUrl) = (null, null, null);
        }, ct);
        return await MoveAsync(site, SiteStatus.Offline, reason, ct);
    }

    /// <summary>Closes a site: from now on it answers only with its notice (naming where the content went) and its redirects.</summary>
    public async Task<SaveResult<Site>> CloseAsync(int siteId, ClosureInput input, CancellationToken ct = default)
    {
        var (site, refusal) = await ForChangeAsync(siteId, SiteStatus.Closed, siteAdminMay: false, ct);
        if (site is null)
        {
            return refusal!;
        }
        var errors = new ValidationErrors();
        var reason = TypedText.Line(input.Reason);
        if (reason is null || reason.Length > 500)
        {
            errors.Add(nameof(input.Reason), "请填写关停原因（不超过500个字）");
        }
        var text = TypedText.Block(input.Text);
        if (text is { Length: > 4000 })
        {
            errors.Add(nameof(input.Text), "公告内容不能超过4000个字");
        }
        SiteInfo? successor = null;
        if (TypedText.Line(input.Successor) is { } successorCode)
        {
            successor = await db.Sites.AsNoTracking().AnyAsync(s => s.Code == successorCode && s.Id != site.Id && s.Status == SiteStatus.Online, ct)
                ? await SuccessorInfoAsync(successorCode, ct) : null;
            if (successor is null)
            {
                errors.Add(nameof(input.Successor), $"承接网站 {successorCode} 不存在或未上线");
            }
        }
        var successorUrl = TypedText.Line(input.SuccessorUrl);
        if (successorUrl is not null && (!Uri.TryCreate(successorUrl, UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https")))
        {
            errors.Add(nameof(input.SuccessorUrl), "承接网址应以 http:// 或 https:// 开头");
        }
        var days = input.NoticeDays ?? options.Value.NoticeDays;
        if (days < options.Value.NoticeDays || days > 3650)
        {
            errors.Add(nameof(input.NoticeDays), $"公告保留天数不能少于{options.Value.NoticeDays}天");
        }
        if (!errors.IsValid)
        {
            return SaveResult<Site>.Invalid(errors);
        }
        var today = DateOnly.FromDateTime(ChinaTime.ToLocal(Now));
        var whereTo = successor is not null ? $"，原有内容已迁移至{successor.Name}" : successorUrl is not null ? $"，原有内容请访问 {successorUrl}" : "";
        await UpsertNoticeAsync(site.Id, n =>
        {
            n.Kind = SiteNoticeKind.Closed;
            n.Reason = reason!;
            n.Text = text ?? $"因{reason}，{site.Name}已于{today:yyyy年M月d日}关停{whereTo}。感谢您长期以来的关注和支持！";
            n.SuccessorSiteId = successor?.Id;
            n.SuccessorName = successor?.Name;
            n.SuccessorUrl = successorUrl ?? (successor is null ? null : PublicUrl(successor));
            n.ExpectedBack = null;
            n.NoticeUntil = today.AddDays(days);
        }, ct);
        return await MoveAsync(site, SiteStatus.Closed, reason, ct);
    }

    /// <summary>Marks a site as migrating (its content is being moved; it still runs).</summary>
    internal async Task<SaveResult<Site>> StartMigratingAsync(int siteId, string reason, CancellationToken ct)
    {
        var (site, refusal) = await ForChangeAsync(siteId, SiteStatus.Migrating, siteAdminMay: false, ct);
        return site is null ? refusal! : await MoveAsync(site, SiteStatus.Migrating, reason, ct);
    }

    public static string PublicUrl(SiteInfo site) => site.MainHost is { } host ? $"https://{host}/" : $"/sites/{site.Code}/";

    private async Task<SiteInfo?> SuccessorInfoAsync(string code, CancellationToken ct)
    {
        var s = await db.Sites.AsNoTracking().Include(x => x.Domains).FirstAsync(x => x.Code == code, ct);
        var main = s.Domains.OrderByDescending(d => d.IsMain).ThenBy(d => d.Id).FirstOrDefault()?.Host;
        return new SiteInfo(s.Id, s.Code, s.Name, s.Type, s.Level, s.Status, s.ParentId, main, [.. s.Domains.Select(d => d.Host)],
            s.IcpNumber, s.PoliceRecordNumber, null, s.ContactPhone, s.ContactEmail, s.Address, s.Description);
    }

    private async Task UpsertNoticeAsync(int siteId, Action<SiteNotice> fill, CancellationToken ct)
    {
        var notice = await db.SiteNotices.FirstOrDefaultAsync(n => n.SiteId == siteId, ct);
        if (notice is null)
        {
            notice = new SiteNotice { SiteId = siteId };
            db.SiteNotices.Add(notice);
        }
        notice.Since = Now;
        fill(notice);
    }

    private async Task<SaveResult<Site>> MoveAsync(Site site, SiteStatus to, string? reason, CancellationToken ct)
    {
        db.SiteLifecycleEvents.Add(new SiteLifecycleEvent { SiteId = site.Id, From = site.Status, To = to, At = Now, By = Actor, Reason = reason });
        // The registry's audit log says it too, saved with the step.
        audit.Record(Audit.AuditActions.Registry, $"网站「{site.Name}」（{site.Code}）",
            $"状态：{GovSite.Common.Labels.Of(site.Status)} → {GovSite.Common.Labels.Of(to)}" + (reason is null ? "" : $"\n理由：{reason}"), site.Id);
        site.Status = to;
        site.UpdatedAt = Now;
        await db.SaveChangesAsync(ct);
        // Every node drops the site's cached pages and snapshot; exports follow (a closed site exports its notice).
        await changes.RegistryChangedAsync(site.Id, ct);
        return SaveResult<Site>.Ok(site);
    }

    public bool Supervises(int regionId) => access.Unrestricted || access.RegionIds.Contains(regionId);

    private async Task<(Site? Site, SaveResult<Site>? Refusal)> ForChangeAsync(int siteId, SiteStatus to, bool siteAdminMay, CancellationToken ct)
    {
        var site = await db.Sites.Include(s => s.Domains).Include(s => s.Region).FirstOrDefaultAsync(s => s.Id == siteId, ct);
        if (site is null)
        {
            return (null, SaveResult<Site>.Missing());
        }
        if (!Supervises(site.RegionId) && !(siteAdminMay && access.CanAdministerSite(site.Id)))
        {
            return (null, SaveResult<Site>.Denied());
        }
        if (!Allowed(site.Status, to))
        {
            var errors = new ValidationErrors();
            errors.Add("Status", $"网站当前状态为“{GovSite.Common.Labels.Of(site.Status)}”，不能变为“{GovSite.Common.Labels.Of(to)}”");
            return (null, SaveResult<Site>.Invalid(errors));
        }
        return (site, null);
    }
}
