using GovSite.Accounts;
using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Publishing.Library;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Supervision;

/// <summary>One flagged item and its counterpart's state: missing, older than the Chinese original, or current, and the lag in days.</summary>
public sealed record TranslationRow(int LinkId, int ItemId, string Title, DateTime? PublishedAt, int? CounterpartId, string? CounterpartTitle,
    string State, double LagDays);

/// <summary>The lag figures of a language version: flagged items, missing and older counterparts, mean and longest lag.</summary>
public sealed record TranslationFigures(int Flagged, int Missing, int Older, int Current, double AverageLagDays, double LongestLagDays);

/// <summary>
/// Foreign-language versions (外文版): a site's version in another language is a site of its own;
/// Chinese items flagged for translation show when their counterpart is missing or older than
/// the original, and the lag (days from the original's publication to the counterpart's, or to
/// today while it is missing) is a figure.
/// </summary>
public sealed class Translations(GovSiteDb db, SiteAccess access, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<SaveResult<LanguageVersion>> AddVersionAsync(int siteId, string? versionCode, string? language, CancellationToken ct = default)
    {
        var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == siteId, ct);
        if (site is null)
        {
            return SaveResult<LanguageVersion>.Missing();
        }
        if (!access.CanAdministerSite(siteId) && !access.Unrestricted && !access.RegionIds.Contains(site.RegionId))
        {
            return SaveResult<LanguageVersion>.Denied();
        }
        var errors = new ValidationErrors();
        var code = TypedText.Line(versionCode);
        var version = code is null ? null : await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Code == code, ct);
        if (version is null || version.Id == siteId)
        {
            errors.Add("VersionCode", "请填写外文版网站的网站标识码（外文版须先登记为本平台的网站）");
        }
        var lang = TypedText.Line(language)?.ToLowerInvariant();
        if (lang is null || lang.Length > 16 || !lang.All(c => char.IsAsciiLetterLower(c) || c == '-'))
        {
            errors.Add("Language", "请填写语言代码，如 en（英文）、ja（日文）");
        }
        else if (await db.LanguageVersions.AnyAsync(v => v.SiteId == siteId && v.Language == lang, ct))
        {
            errors.Add("Language", "该语言版本已登记");
        }
        if (!errors.IsValid)
        {
            return SaveResult<LanguageVersion>.Invalid(errors);
        }
        var row = new LanguageVersion { SiteId = siteId, VersionSiteId = version!.Id, Language = lang! };
        db.LanguageVersions.Add(row);
        await db.SaveChangesAsync(ct);
        return SaveResult<LanguageVersion>.Ok(row);
    }

    /// <summary>Flags a Chinese item for translation into the version, with its counterpart item if it already exists.</summary>
    public async Task<SaveResult<TranslationLink>> FlagAsync(int versionId, int itemId, int? counterpartItemId, CancellationToken ct = default)
    {
        var version = await db.LanguageVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId, ct);
        if (version is null)
        {
            return SaveResult<TranslationLink>.Missing();
        }
        if (!access.CanEditContent(version.SiteId) && !access.Unrestricted)
        {
            return SaveResult<TranslationLink>.Denied();
        }
        var errors = new ValidationErrors();
        if (!await db.LibraryItems.IgnoreQueryFilters().AnyAsync(i => i.Id == itemId && i.OwnerSiteId == version.SiteId, ct))
        {
            errors.Add("ItemId", "请选择本网站信息资源库中的条目");
        }
        if (counterpartItemId is int c && !await db.LibraryItems.IgnoreQueryFilters().AnyAsync(i => i.Id == c && i.OwnerSiteId == version.VersionSiteId, ct))
        {
            errors.Add("CounterpartItemId", "对应译文须是外文版网站信息资源库中的条目");
        }
        if (!errors.IsValid)
        {
            return SaveResult<TranslationLink>.Invalid(errors);
        }
        var link = await db.TranslationLinks.FirstOrDefaultAsync(l => l.LanguageVersionId == versionId && l.ItemId == itemId, ct);
        if (link is null)
        {
            link = new TranslationLink { LanguageVersionId = versionId, ItemId = itemId, FlaggedAt = Now, FlaggedBy = access.UserName ?? "系统" };
            db.TranslationLinks.Add(link);
        }
        link.CounterpartItemId = counterpartItemId ?? link.CounterpartItemId;
        await db.SaveChangesAsync(ct);
        return SaveResult<TranslationLink>.Ok(link);
    }

    public async Task<List<TranslationRow>> RowsAsync(int versionId, CancellationToken ct = default)
    {
        var links = await db.TranslationLinks.AsNoTracking().Where(l => l.LanguageVersionId == versionId).OrderBy(l => l.Id).ToListAsync(ct);
        var ids = links.Select(l => l.ItemId).Concat(links.Where(l => l.CounterpartItemId != null).Select(l => l.CounterpartItemId!.Value)).ToList();
        var items = await db.LibraryItems.IgnoreQueryFilters().AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.Title, i.Status, i.PublishedAt, i.UpdatedAt }).ToDictionaryAsync(i => i.Id, ct);
        var rows = new List<TranslationRow>();
        foreach (var l in links)
        {
            var original = items[l.ItemId];
            var counterpart = l.CounterpartItemId is int c && items.TryGetValue(c, out var x) && x.Status == ItemStatus.Published ? x : null;
            var since = original.PublishedAt ?? original.UpdatedAt;
            var (state, lag) = counterpart is null
                ? ("missing", (Now - since).TotalDays)
                : counterpart.UpdatedAt < original.UpdatedAt
                    ? ("older", (Now - original.UpdatedAt).TotalDays)
                    : ("current", ((counterpart.PublishedAt ?? counterpart.UpdatedAt) - since).TotalDays);
            rows.Add(new TranslationRow(l.Id, l.ItemId, original.Title, original.PublishedAt, counterpart?.Id, counterpart?.Title, state,
                Math.Round(Math.Max(0, lag), 1)));
        }
        return rows;
    }

    public static TranslationFigures Figures(IReadOnlyCollection<TranslationRow> rows) => new(
        rows.Count, rows.Count(r => r.State == "missing"), rows.Count(r => r.State == "older"), rows.Count(r => r.State == "current"),
        rows.Count == 0 ? 0 : Math.Round(rows.Average(r => r.LagDays), 1), rows.Count == 0 ? 0 : rows.Max(r => r.LagDays));

    public static string StateLabel(string state) => state switch
    {
        "missing" => "缺少译文",
        "older" => "译文落后于原文",
        _ => "已同步",
    };
}
