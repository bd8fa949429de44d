using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Data;
using GovSite.PublicSite.Topics;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.PublicSite.Admin;

/// <summary>Back office: open a special topic with its columns, close (archive) or reopen it.</summary>
public sealed class TopicAdminModel(SiteAccess access, GovSiteDb db, TopicService topics, SiteDirectory directory) : AdminPageModel(access)
{
    [BindProperty]
    public TopicInput Input { get; set; } = new();
    public List<SpecialTopic> Topics { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return Forbid();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostOpenAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return Forbid();
        }
        var result = await topics.OpenAsync(id, Input, ct);
        if (Refusal(result) is { } refused)
        {
            return refused;
        }
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, nameof(Input));
            return Page();
        }
        Notice = $"已开设专题：{result.Value!.Name}。请在“文章”中向专题栏目发布内容。";
        return LocalRedirect($"/admin/sites/{id}/topics");
    }

    public async Task<IActionResult> OnPostCloseAsync(int id, int topicId, bool closed, CancellationToken ct)
    {
        var result = await topics.SetClosedAsync(id, topicId, closed, ct);
        if (Refusal(result) is { } refused)
        {
            return refused;
        }
        Notice = closed ? $"专题“{result.Value!.Name}”已关闭并归档，原有页面仍可访问。" : $"专题“{result.Value!.Name}”已重新开放。";
        return LocalRedirect($"/admin/sites/{id}/topics");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (!Access.CanAdministerSite(id) || directory.FindById(id) is not { } site)
        {
            return false;
        }
        WorkingSite = site;
        Topics = await db.SpecialTopics.AsNoTracking().Where(t => t.SiteId == id).OrderByDescending(t => t.OpenedAt).ToListAsync(ct);
        return true;
    }
}
