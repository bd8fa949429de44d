using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Calendar;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovSite.Interaction.Admin;

/// <summary>One message and every handling step: triage, 转办, accept, extend, reply, publish, cannot handle.</summary>
public sealed class MessageModel(SiteAccess access, GovSiteDb db, SiteDirectory directory, CalendarService calendar,
    MessageService messages, IOptions<InteractionOptions> options) : AdminPageModel(access)
{
    [FromRoute]
    public int Id { get; set; }

    public Message Message { get; private set; } = null!;
    public string ChannelName { get; private set; } = "";
    public int Remaining { get; private set; }
    public DeadlineState State { get; private set; }
    public List<SelectListItem> Departments { get; private set; } = [];
    public List<MessageAlert> Alerts { get; private set; } = [];
    public bool CanHandle => messages.CanHandle(Message.HandlingSiteId);
    public bool CanAccept => Message.TransferSiteId is int t && messages.CanHandle(t);

    [BindProperty] public TriageVerdict Verdict { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? DuplicateOf { get; set; }
    [BindProperty] public int TargetSiteId { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? Reply { get; set; }
    [BindProperty] public string? OverrideReason { get; set; }
    [BindProperty] public string? Explanation { get; set; }

    public string SiteName(int id) => directory.FindById(id)?.Name ?? $"#{id}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostTriageAsync(CancellationToken ct) =>
        ActAsync(messages.TriageAsync(Id, Verdict, Reason, DuplicateOf, ct), "已完成分拣", new() { ["Reason"] = nameof(Reason), ["DuplicateOf"] = nameof(DuplicateOf), ["Verdict"] = nameof(Verdict) }, ct);

    public Task<IActionResult> OnPostTransferAsync(CancellationToken ct) =>
        ActAsync(messages.TransferAsync(Id, TargetSiteId, Note, ct), "已转办，等待承办部门接收", new() { ["TargetSiteId"] = nameof(TargetSiteId) }, ct);

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken ct) =>
        ActAsync(messages.AcceptTransferAsync(Id, true, null, ct), "已接收转办", new() { ["Accept"] = "" }, ct);

    public Task<IActionResult> OnPostReturnAsync(CancellationToken ct) =>
        ActAsync(messages.AcceptTransferAsync(Id, false, Note, ct), "已退回转办", new() { ["Accept"] = "", ["Note"] = nameof(Note) }, ct);

    public Task<IActionResult> OnPostExtendAsync(CancellationToken ct) =>
        ActAsync(messages.ExtendAsync(Id, Reason, ct), "已延期", new() { ["Reason"] = "ExtendReason" }, ct);

    public Task<IActionResult> OnPostReplyAsync(CancellationToken ct) =>
        ActAsync(messages.ReplyAsync(Id, Reply, ct), "已保存答复，请核对后发布", new() { ["Reply"] = nameof(Reply) }, ct);

    public Task<IActionResult> OnPostPublishAsync(CancellationToken ct) =>
        ActAsync(messages.PublishAsync(Id, OverrideReason, ct), "答复已发布，留言已办结", new() { ["OverrideReason"] = nameof(OverrideReason), ["Publish"] = "" }, ct);

    public Task<IActionResult> OnPostCannotHandleAsync(CancellationToken ct) =>
        ActAsync(messages.CannotHandleAsync(Id, Explanation, ct), "已按无法办理办结并向留言人说明", new() { ["Explanation"] = nameof(Explanation) }, ct);

    private async Task<IActionResult> ActAsync(Task<SaveResult<Message>> action, string done, Dictionary<string, string> fields, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await action;
        if (Refusal(result) is { } refused)
        {
            return refused;
        }
        if (result.Succeeded)
        {
            Notice = done;
            return LocalRedirect($"/admin/messages/{Id}");
        }
        AddErrors(result.Errors, "", fields);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var m = await db.Messages.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id, ct);
        if (m is null)
        {
            return false;
        }
        // Letters carry the writer's name and phone: only staff of the receiving, handling or
        // transferred-to site see one (another site's letter is not found, as in the query filters).
        if (!new[] { m.HandlingSiteId, m.TransferSiteId ?? 0, m.SiteId }.Any(Access.CanSee))
        {
            return false;
        }
        Message = m;
        // The site nav of the site this user works for: the handling site, the department it waits for, or the receiving site.
        var own = new[] { m.HandlingSiteId, m.TransferSiteId ?? 0, m.SiteId }.FirstOrDefault(Access.CanSee, m.SiteId);
        WorkingSite = directory.FindById(own);
        ChannelName = await db.MessageChannels.Where(c => c.Id == m.ChannelId).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "";
        var cal = calendar.Current;
        Remaining = Deadlines.Remaining(cal, m.DueDate, messages.Today);
        State = Deadlines.StateOf(cal, m.Status, m.DueDate, messages.Today, options.Value);
        Departments = [.. directory.All.Where(s => s.Id != m.HandlingSiteId).OrderBy(s => s.Name).Take(2000)
            .Select(s => new SelectListItem(s.Name, s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
        Alerts = await db.MessageAlerts.AsNoTracking().Where(a => a.MessageId == m.Id).OrderBy(a => a.CreatedAt).ToListAsync(ct);
        return true;
    }
}
