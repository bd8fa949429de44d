using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Data;
using GovSite.PublicSite.Themes;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.PublicSite.Admin;

/// <summary>Back office: a site's theme. Saving writes a draft to preview; publishing makes it live.</summary>
public sealed class ThemeEditModel(SiteAccess access, GovSiteDb db, ThemeService themes, SiteDirectory directory) : AdminPageModel(access)
{
    public sealed class BlockRow
    {
        public int ColumnId { get; set; }
        public string Name { get; set; } = "";
        public bool InNav { get; set; }
        public bool OnHome { get; set; }
        public int Order { get; set; }
        public int Count { get; set; } = 7;
        public bool Pictures { get; set; }
    }

    public sealed class ThemeForm
    {
        public string Theme { get; set; } = ThemeNames.Portal;
        public string? DisplayName { get; set; }
        public string? LogoUrl { get; set; }
        public string MainColour { get; set; } = "#a8101a";
        public string? SecondColour { get; set; }
        public string? ThirdColour { get; set; }
        public bool ShowTopicBanners { get; set; } = true;
        public string? NoticeText { get; set; }
        public string? NoticeUrl { get; set; }
        public List<BlockRow> Rows { get; set; } = [];
    }

    [BindProperty]
    public ThemeForm Input { get; set; } = new();
    public bool HasDraft { get; private set; }
    public string PreviewUrl => $"/sites/{WorkingSite!.Code}/?preview=theme";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!Access.CanAdministerSite(id) || directory.FindById(id) is not { } site)
        {
            return Forbid();
        }
        WorkingSite = site;
        var (settings, isDraft) = await themes.EditingAsync(id, ct);
        HasDraft = isDraft;
        Input = new ThemeForm
        {
            Theme = settings.Theme, DisplayName = settings.DisplayName, LogoUrl = settings.LogoUrl,
            MainColour = settings.MainColour, SecondColour = settings.SecondColour, ThirdColour = settings.ThirdColour,
            ShowTopicBanners = settings.ShowTopicBanners, NoticeText = settings.NoticeText, NoticeUrl = settings.NoticeUrl,
        };
        var columns = await ColumnsAsync(id, ct);
        var blocks = settings.Blocks ?? [.. columns.Where(c => c.ParentId is null && c.Type != ColumnType.Topic).Select(c => new HomeBlock(c.Id))];
        Input.Rows = [.. columns.Select(c =>
        {
            var index = blocks.FindIndex(b => b.ColumnId == c.Id);
            return new BlockRow
            {
                ColumnId = c.Id, Name = c.Name,
                InNav = settings.NavColumnIds?.Contains(c.Id) ?? (c.ParentId is null && c.Type != ColumnType.Topic),
                OnHome = index >= 0, Order = index >= 0 ? index + 1 : 0,
                Count = index >= 0 ? blocks[index].Count : 7, Pictures = index >= 0 && blocks[index].Kind == BlockKind.Pictures,
            };
        })];
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct)
    {
        if (!Access.CanAdministerSite(id) || directory.FindById(id) is not { } site)
        {
            return Forbid();
        }
        WorkingSite = site;
        var columns = await ColumnsAsync(id, ct);
        foreach (var row in Input.Rows)
        {
            row.Name = columns.FirstOrDefault(c => c.Id == row.ColumnId)?.Name ?? "";
        }
        var result = await themes.SaveDraftAsync(id, KeepDefaults(ToSettings(Input), (await themes.EditingAsync(id, ct)).Settings, columns), ct);
        if (Refusal(result) is { } refused)
        {
            return refused;
        }
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, nameof(Input), new Dictionary<string, string> { ["Blocks"] = "Input.Rows" });
            return Page();
        }
        Notice = "已保存为草稿。请点击“预览”查看效果，确认无误后点击“发布”。";
        return LocalRedirect($"/admin/sites/{id}/theme");
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct)
    {
        var result = await themes.PublishAsync(id, ct);
        if (Refusal(result) is { } refused)
        {
            return refused;
        }
        Notice = "主题已发布，公众访问的页面已更新。";
        return LocalRedirect($"/admin/sites/{id}/theme");
    }

    /// <summary>
    /// "The standard navigation and home blocks" is stored as no list, so a column added later
    /// appears by itself. The form shows that default ticked; saving it unchanged keeps it a default
    /// instead of freezing today's columns into a list.
    /// </summary>
    private static ThemeSettings KeepDefaults(ThemeSettings posted, ThemeSettings stored, List<Column> columns)
    {
        var standard = columns.Where(c => c.ParentId is null && c.Type != ColumnType.Topic).Select(c => c.Id).ToList();
        var nav = stored.NavColumnIds is null && posted.NavColumnIds is { } ids && ids.Order().SequenceEqual(standard.Order()) ? null : posted.NavColumnIds;
        var blocks = stored.Blocks is null && posted.Blocks is { } b && b.SequenceEqual(standard.Select(c => new HomeBlock(c))) ? null : posted.Blocks;
        return posted with { NavColumnIds = nav, Blocks = blocks };
    }

    private Task<List<Column>> ColumnsAsync(int siteId, CancellationToken ct) =>
        db.Columns.AsNoTracking().Where(c => c.SiteId == siteId).OrderBy(c => c.ParentId != null).ThenBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static ThemeSettings ToSettings(ThemeForm f) => new()
    {
        Theme = f.Theme,
        DisplayName = Clean(f.DisplayName),
        LogoUrl = Clean(f.LogoUrl),
        MainColour = f.MainColour?.Trim() ?? "",
        SecondColour = Clean(f.SecondColour),
        ThirdColour = Clean(f.ThirdColour),
        ShowTopicBanners = f.ShowTopicBanners,
        NoticeText = Clean(f.NoticeText),
        NoticeUrl = Clean(f.NoticeUrl),
        NavColumnIds = [.. f.Rows.Where(r => r.InNav).Select(r => r.ColumnId)],
        Blocks = [.. f.Rows.Where(r => r.OnHome).OrderBy(r => r.Order).ThenBy(r => r.ColumnId)
            .Select(r => new HomeBlock(r.ColumnId, r.Count, r.Pictures ? BlockKind.Pictures : BlockKind.List))],
    };
}
