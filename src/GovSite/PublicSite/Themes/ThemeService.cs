using GovSite.Accounts;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.PublicSite.Themes;

/// <summary>Saves a site's theme as a draft, and publishes the draft (evicting the site's cached pages).</summary>
public sealed class ThemeService(GovSiteDb db, SiteAccess access, SiteChanges changes, TimeProvider clock, Audit.AuditLog audit)
{
    public async Task<ThemeSettings> PublishedAsync(int siteId, CancellationToken ct = default) =>
        ThemeSettings.Parse(await db.SiteThemes.AsNoTracking().Where(t => t.SiteId == siteId).Select(t => t.Settings).FirstOrDefaultAsync(ct));

    /// <summary>The draft if there is one, else what is live.</summary>
    public async Task<(ThemeSettings Settings, bool IsDraft)> EditingAsync(int siteId, CancellationToken ct = default)
    {
        var row = await db.SiteThemes.AsNoTracking().FirstOrDefaultAsync(t => t.SiteId == siteId, ct);
        return row?.Draft is { } draft ? (ThemeSettings.Parse(draft), true) : (ThemeSettings.Parse(row?.Settings), false);
    }

    public async Task<SaveResult<ThemeSettings>> SaveDraftAsync(int siteId, ThemeSettings input, CancellationToken ct = default)
    {
        if (!access.CanAdministerSite(siteId))
        {
            return SaveResult<ThemeSettings>.Denied();
        }
        var errors = Validate(input, await db.Columns.Where(c => c.SiteId == siteId).Select(c => c.Id).ToListAsync(ct));
        if (!errors.IsValid)
        {
            return SaveResult<ThemeSettings>.Invalid(errors);
        }
        var row = await RowAsync(siteId, ct);
        row.Draft = input.ToJson();
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.RecordChanges(Audit.AuditActions.Theme, $"网站 {siteId} 的主题（草稿）", siteId, row);
        await db.SaveChangesAsync(ct);
        return SaveResult<ThemeSettings>.Ok(input);
    }

    /// <summary>The draft goes live; every cached page of the site is dropped on every node.</summary>
    public async Task<SaveResult<ThemeSettings>> PublishAsync(int siteId, CancellationToken ct = default)
    {
        if (!access.CanAdministerSite(siteId))
        {
            return SaveResult<ThemeSettings>.Denied();
        }
        var row = await RowAsync(siteId, ct);
        if (row.Draft is not null)
        {
            row.Settings = row.Draft;
            row.Draft = null;
        }
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(Audit.AuditActions.Theme, $"网站 {siteId} 的主题", "发布主题", siteId);
        await db.SaveChangesAsync(ct);
        await changes.ContentChangedAsync(siteId, ct);
        return SaveResult<ThemeSettings>.Ok(ThemeSettings.Parse(row.Settings));
    }

    /// <summary>For the demo seed and the CLI: sets and publishes in one step.</summary>
    public async Task SetAsync(int siteId, ThemeSettings settings, CancellationToken ct = default)
    {
        var row = await RowAsync(siteId, ct);
        row.Settings = settings.ToJson();
        row.Draft = null;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await changes.ContentChangedAsync(siteId, ct);
    }

    private async Task<SiteTheme> RowAsync(int siteId, CancellationToken ct)
    {
        var row = await db.SiteThemes.FirstOrDefaultAsync(t => t.SiteId == siteId, ct);
        if (row is null)
        {
            row = new SiteTheme { SiteId = siteId, Settings = new ThemeSettings().ToJson() };
            db.SiteThemes.Add(row);
        }
        return row;
    }

    public static double ContrastWithWhite(string colour)
    {
        var rgb = Convert.FromHexString(colour.AsSpan(1));
        static double Linear(byte c) => c / 255.0 is var v && v <= 0.03928 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
        var luminance = 0.2126 * Linear(rgb[0]) + 0.7152 * Linear(rgb[1]) + 0.0722 * Linear(rgb[2]);
        return 1.05 / (luminance + 0.05);
    }

    public static ValidationErrors Validate(ThemeSettings s, IReadOnlyCollection<int> siteColumnIds)
    {
        var errors = new ValidationErrors();
        if (!ThemeNames.Labels.ContainsKey(s.Theme))
        {
            errors.Add(nameof(s.Theme), "请选择一个主题");
        }
        if (!ThemeSettings.IsColour(s.MainColour))
        {
            errors.Add(nameof(s.MainColour), "主色请填写 #RRGGBB 格式的颜色，例如 #a8101a");
        }
        else if (ContrastWithWhite(s.MainColour) < 4.5)
        {
            // The header and navigation put white text on the main colour (WCAG 2.1 AA: 4.5:1).
            errors.Add(nameof(s.MainColour), $"主色太浅，白色文字在其上的对比度只有 {ContrastWithWhite(s.MainColour):0.0}:1，须至少 4.5:1，请选更深的颜色");
        }
        if (s.SecondColour is not null && !ThemeSettings.IsColour(s.SecondColour))
        {
            errors.Add(nameof(s.SecondColour), "辅助色请填写 #RRGGBB 格式的颜色，或留空");
        }
        if (s.ThirdColour is not null && !ThemeSettings.IsColour(s.ThirdColour))
        {
            errors.Add(nameof(s.ThirdColour), "第三色请填写 #RRGGBB 格式的颜色，或留空");
        }
        if (s.LogoUrl is { } logo && !(logo.StartsWith('/') || logo.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(nameof(s.LogoUrl), "标志图片地址须以 / 或 https:// 开头");
        }
        if (s.NoticeUrl is { } url && !(url.StartsWith('/') || Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
        {
            errors.Add(nameof(s.NoticeUrl), "公告链接须是网址（http:// 或 https:// 开头）");
        }
        if (s.NoticeUrl is not null && s.NoticeText is null)
        {
            errors.Add(nameof(s.NoticeText), "填写了公告链接时请同时填写公告内容");
        }
        if ((s.NavColumnIds ?? []).Concat((s.Blocks ?? []).Select(b => b.ColumnId)).Any(id => !siteColumnIds.Contains(id)))
        {
            errors.Add(nameof(s.Blocks), "导航和首页区块只能选择本网站的栏目");
        }
        if ((s.Blocks ?? []).Any(b => b.Count is < 1 or > 20))
        {
            errors.Add(nameof(s.Blocks), "每个区块显示 1 至 20 条");
        }
        return errors;
    }
}
