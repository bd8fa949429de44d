using System.Globalization;
using GovSite.Accounts;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.PublicSite.Mourning;

public sealed class MourningInput
{
    /// <summary>Null: the whole platform (platform admins only).</summary>
    public int? RegionId { get; set; }

    /// <summary>China time; null: now.</summary>
    public DateTime? StartsLocal { get; set; }

    /// <summary>China time.</summary>
    public DateTime? EndsLocal { get; set; }
    public string? Reason { get; set; }
}

/// <summary>
/// Turns a region grey and back. Every change is announced per site through
/// <see cref="SiteChanges"/> (each node evicts the site's pages; exported sites are exported again),
/// at the moment it is made and again when the period starts and ends, by jobs in the shared queue.
/// Pages read whether their site is in mourning when they are rendered (<see cref="SiteContent.MourningAsync"/>).
/// </summary>
public sealed class MourningService(GovSiteDb db, SiteAccess access, SiteChanges changes, JobQueue jobs, TimeProvider clock)
{
    public const string EdgeJob = "mourning.edge";

    /// <summary>The longest period one action may set: mourning is days, not months.</summary>
    public static readonly TimeSpan MaxLength = TimeSpan.FromDays(7);

    public bool CanSet(int? regionId) => regionId is int id ? access.CanRegisterIn(id) : access.Unrestricted;

    public async Task<SaveResult<MourningPeriod>> StartAsync(MourningInput input, CancellationToken ct = default)
    {
        if (!CanSet(input.RegionId))
        {
            return SaveResult<MourningPeriod>.Denied();
        }
        var errors = new ValidationErrors();
        var now = clock.GetUtcNow().UtcDateTime;
        var starts = input.StartsLocal is { } s ? GovSite.Common.ChinaTime.ToUtc(s) : now;
        if (starts < now)
        {
            starts = now;
        }
        if (input.EndsLocal is not { } endsLocal)
        {
            errors.Add(nameof(MourningInput.EndsLocal), "请填写结束时间：哀悼日模式到时自动结束");
        }
        else
        {
            var ends = GovSite.Common.ChinaTime.ToUtc(endsLocal);
            if (ends <= starts)
            {
                errors.Add(nameof(MourningInput.EndsLocal), "结束时间须晚于开始时间");
            }
            else if (ends - starts > MaxLength)
            {
                errors.Add(nameof(MourningInput.EndsLocal), $"一次最长 {MaxLength.TotalDays.ToString(CultureInfo.InvariantCulture)} 天");
            }
        }
        var reason = input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            errors.Add(nameof(MourningInput.Reason), "请填写事由（如 全国哀悼日）");
        }
        else if (reason.Length > 100)
        {
            errors.Add(nameof(MourningInput.Reason), "事由不能超过100个字");
        }
        if (input.RegionId is int regionId && !await db.Regions.AnyAsync(r => r.Id == regionId, ct))
        {
            errors.Add(nameof(MourningInput.RegionId), "地区不存在");
        }
        if (!errors.IsValid)
        {
            return SaveResult<MourningPeriod>.Invalid(errors);
        }
        var period = new MourningPeriod
        {
            RegionId = input.RegionId, StartsAt = starts, EndsAt = GovSite.Common.ChinaTime.ToUtc(input.EndsLocal!.Value), Reason = reason!,
            CreatedBy = access.UserName ?? "", CreatedAt = now,
        };
        db.MourningPeriods.Add(period);
        await db.SaveChangesAsync(ct);
        foreach (var edge in new[] { period.StartsAt, period.EndsAt }.Where(t => t > now))
        {
            await jobs.EnqueueAsync(EdgeJob, period.Id.ToString(CultureInfo.InvariantCulture), edge,
                string.Create(CultureInfo.InvariantCulture, $"{EdgeJob}:{period.Id}:{edge.Ticks}"), ct: ct);
        }
        await AnnounceAsync(period.RegionId, ct);
        return SaveResult<MourningPeriod>.Ok(period);
    }

    /// <summary>Ends a period now (or drops one not yet started).</summary>
    public async Task<SaveResult<MourningPeriod>> EndAsync(int id, CancellationToken ct = default)
    {
        var period = await db.MourningPeriods.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (period is null)
        {
            return SaveResult<MourningPeriod>.Missing();
        }
        if (!CanSet(period.RegionId))
        {
            return SaveResult<MourningPeriod>.Denied();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (period.EndsAt > now)
        {
            period.EndsAt = now;
            if (period.StartsAt > now)
            {
                period.StartsAt = now;
            }
            await db.SaveChangesAsync(ct);
            await AnnounceAsync(period.RegionId, ct);
        }
        return SaveResult<MourningPeriod>.Ok(period);
    }

    /// <summary>Every site that a period of <paramref name="regionId"/> covers is told its pages changed.</summary>
    public async Task AnnounceAsync(int? regionId, CancellationToken ct)
    {
        foreach (var siteId in await SitesInAsync(db, regionId, ct))
        {
            await changes.ContentChangedAsync(siteId, ct);
        }
    }

    /// <summary>The sites of a region and of every region below it; all sites for null.</summary>
    public static async Task<List<int>> SitesInAsync(GovSiteDb db, int? regionId, CancellationToken ct)
    {
        if (regionId is not int root)
        {
            return await db.Sites.AsNoTracking().Select(s => s.Id).ToListAsync(ct);
        }
        var regions = await db.Regions.AsNoTracking().Select(r => new { r.Id, r.ParentId }).ToListAsync(ct);
        var children = regions.Where(r => r.ParentId is not null).ToLookup(r => r.ParentId!.Value);
        var all = new HashSet<int>();
        var stack = new Stack<int>([root]);
        while (stack.TryPop(out var id))
        {
            if (all.Add(id))
            {
                foreach (var child in children[id])
                {
                    stack.Push(child.Id);
                }
            }
        }
        return await db.Sites.AsNoTracking().Where(s => all.Contains(s.RegionId)).Select(s => s.Id).ToListAsync(ct);
    }

    /// <summary>Whether a site is grey now: a period is running for the platform, its region or a region above it.</summary>
    public static async Task<bool> IsMourningAsync(GovSiteDb db, int siteId, DateTime now, CancellationToken ct)
    {
        // Usually no period runs: one indexed query, and nothing else.
        var running = await db.MourningPeriods.AsNoTracking().Where(p => p.EndsAt > now && p.StartsAt <= now).Select(p => p.RegionId).ToListAsync(ct);
        if (running.Count == 0)
        {
            return false;
        }
        if (running.Contains(null))
        {
            return true;
        }
        var regionId = await db.Sites.AsNoTracking().Where(s => s.Id == siteId).Select(s => (int?)s.RegionId).FirstOrDefaultAsync(ct);
        var parents = await db.Regions.AsNoTracking().Select(r => new { r.Id, r.ParentId }).ToDictionaryAsync(r => r.Id, r => r.ParentId, ct);
        var region = regionId;
        for (var hops = 0; region is int r && hops < 10; hops++)
        {
            if (running.Contains(r))
            {
                return true;
            }
            region = parents.GetValueOrDefault(r);
        }
        return false;
    }
}

/// <summary>A period starts or ends: its sites' pages are evicted everywhere and exported again.</summary>
public sealed class MourningEdgeJob(GovSiteDb db, MourningService mourning) : Data.IJobHandler
{
    public async Task HandleAsync(Data.Job job, CancellationToken ct)
    {
        var id = int.Parse(job.Payload!, NumberStyles.None, CultureInfo.InvariantCulture);
        var period = await db.MourningPeriods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (period is not null)
        {
            await mourning.AnnounceAsync(period.RegionId, ct);
        }
    }
}
