using GovSite.Accounts;
using GovSite.Data;
using GovSite.Publishing.Files;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Services.Admin;

/// <summary>
/// One guide: its form (a published guide's edits wait beside it as a revision), what the rule
/// finds missing or vague, and the workflow's next steps for this person.
/// </summary>
[RequestSizeLimit(60L * 1024 * 1024)]
public sealed class EditModel(SiteAccess access, GovSiteDb db, FileService files, SiteDirectory directory, ServiceEditor editor)
    : ServiceFormModel(access, db, files)
{
    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public ServiceItem Item { get; private set; } = null!;

    /// <summary>The fields a pending revision changes, against what the public sees.</summary>
    public List<string> RevisionChanges { get; private set; } = [];

    public List<ServiceWorkflow.Transition> Actions { get; private set; } = [];
    public bool CanEdit => editor.CanEdit(Item.SiteId);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refusal)
        {
            return refusal;
        }
        Input = ServiceEditor.Working(Item);
        await PrepareAsync(Item.SiteId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? then, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refusal)
        {
            return refusal;
        }
        if (!CanEdit)
        {
            return Forbid();
        }
        ModelState.Clear();
        if (await TakeUploadAsync(Item.SiteId, ct))
        {
            var result = await editor.SaveAsync(Id, Input, ct);
            if (Refusal(result) is { } denied)
            {
                return denied;
            }
            if (result.Succeeded)
            {
                if (then == "submit")
                {
                    var submitted = await editor.ActAsync(Id, ServiceAction.Submit, null, ct);
                    if (!submitted.Succeeded)
                    {
                        Notice = "已保存，但未能提交审核：" + string.Join("；", submitted.Errors.All.SelectMany(e => e.Value).DefaultIfEmpty("无权提交"));
                        return Redirect($"/admin/services/{Id}");
                    }
                    Notice = "已保存并提交审核";
                }
                else
                {
                    Notice = Item.Status == ServiceItemStatus.Published ? "已保存修订：审核通过前，公众看到的仍是已发布的内容" : "已保存";
                }
                return Redirect($"/admin/services/{Id}");
            }
            AddErrors(result.Errors, nameof(Input));
        }
        await PrepareAsync(Item.SiteId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostActAsync(ServiceAction action, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refusal)
        {
            return refusal;
        }
        var result = await editor.ActAsync(Id, action, Comment, ct);
        if (Refusal(result) is { } denied)
        {
            return denied;
        }
        if (result.Succeeded)
        {
            Notice = action switch
            {
                ServiceAction.Approve => "已审核通过并发布",
                ServiceAction.Submit => "已提交审核",
                ServiceAction.Return => "已退回修改",
                ServiceAction.Withdraw => "已撤下，公众不再看到该事项",
                _ => "已放弃修订",
            };
            return Redirect($"/admin/services/{Id}");
        }
        // Refused (incomplete, or a comment missing): the page shows why, with the guide as it is.
        ModelState.Clear();
        AddErrors(result.Errors, nameof(Input), new Dictionary<string, string> { ["comment"] = nameof(Comment), ["action"] = "" });
        Input = ServiceEditor.Working(Item);
        await PrepareAsync(Item.SiteId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refusal)
        {
            return refusal;
        }
        var result = await editor.DeleteAsync(Id, ct);
        if (Refusal(result) is { } denied)
        {
            return denied;
        }
        if (!result.Succeeded)
        {
            Notice = string.Join("；", result.Errors.All.SelectMany(e => e.Value));
            return Redirect($"/admin/services/{Id}");
        }
        Notice = $"已删除草稿“{Item.Name}”";
        return Redirect($"/admin/sites/{Item.SiteId}/services");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (await editor.FindAsync(Id, ct) is not { } item)
        {
            return NotFound();
        }
        if (!Access.CanSee(item.SiteId))
        {
            return Forbid();
        }
        Item = item;
        WorkingSite = directory.FindById(item.SiteId);
        Actions = [.. ServiceWorkflow.From(ServiceWorkflow.StateOf(item)).Where(t => editor.Can(t.Actor, item.SiteId))];
        if (item.PendingRevision is not null)
        {
            RevisionChanges = ServiceImporter.Differences(ServiceGuideContent.From(item), ServiceEditor.Working(item));
        }
        return null;
    }
}
