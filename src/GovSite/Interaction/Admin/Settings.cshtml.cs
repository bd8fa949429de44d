using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Common;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Interaction.Admin;

/// <summary>A site's channels (领导信箱, 咨询, 投诉, 建议) and its FAQ knowledge base (智能问答).</summary>
public sealed class SettingsModel(SiteAccess access, GovSiteDb db, SiteDirectory directory, TimeProvider clock, Audit.AuditLog audit) : AdminPageModel(access)
{
    public sealed class ChannelRow
    {
        public ChannelKind Kind { get; set; }
        public string? Name { get; set; }
        public bool IsOpen { get; set; }
        public string? Description { get; set; }
    }

    public sealed class FaqInput
    {
        public int? Id { get; set; }
        public string? Question { get; set; }
        public string? Answer { get; set; }
        public string? Keywords { get; set; }
        public int SortOrder { get; set; }
    }

    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    public List<ChannelRow> Channels { get; set; } = [];

    [BindProperty]
    public FaqInput Faq { get; set; } = new();

    public List<FaqEntry> Entries { get; private set; } = [];
    public bool CanAdminister => Access.CanAdministerSite(Id);

    public async Task<IActionResult> OnGetAsync(int? faq, CancellationToken ct)
    {
        if (Refuse() is { } refused)
        {
            return refused;
        }
        await LoadAsync(ct);
        if (faq is int f && Entries.FirstOrDefault(e => e.Id == f) is { } entry)
        {
            Faq = new FaqInput { Id = entry.Id, Question = entry.Question, Answer = entry.Answer, Keywords = entry.Keywords, SortOrder = entry.SortOrder };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostChannelsAsync(CancellationToken ct)
    {
        if (Refuse(write: true) is { } refused)
        {
            return refused;
        }
        ModelState.Clear();
        // Too long is refused beside its field with the rest of the table as typed, never cut.
        for (var i = 0; i < Channels.Count; i++)
        {
            if (TypedText.Length(TypedText.Line(Channels[i].Name)) > 50)
            {
                ModelState.AddModelError($"Channels[{i}].Name", $"{InteractionLabels.Of(Channels[i].Kind)}的显示名称不能超过 50 个字");
            }
            if (TypedText.Length(TypedText.Line(Channels[i].Description)) > 500)
            {
                ModelState.AddModelError($"Channels[{i}].Description", $"{InteractionLabels.Of(Channels[i].Kind)}的说明不能超过 500 个字");
            }
        }
        if (!ModelState.IsValid)
        {
            var posted = Channels;
            await LoadAsync(ct);
            Channels = posted;
            return Page();
        }
        var existing = await db.MessageChannels.Where(c => c.SiteId == Id).ToListAsync(ct);
        var order = 0;
        foreach (var row in Channels.Where(r => Enum.IsDefined(r.Kind)).DistinctBy(r => r.Kind))
        {
            var channel = existing.FirstOrDefault(c => c.Kind == row.Kind);
            if (channel is null)
            {
                channel = new MessageChannel { SiteId = Id, Kind = row.Kind };
                db.MessageChannels.Add(channel);
            }
            channel.Name = TypedText.Line(row.Name) ?? InteractionLabels.Of(row.Kind);
            channel.Description = TypedText.Line(row.Description);
            channel.IsOpen = row.IsOpen;
            channel.SortOrder = order += 10;
            audit.RecordChanges(Audit.AuditActions.Settings, $"网站「{WorkingSite!.Name}」的留言渠道 {InteractionLabels.Of(row.Kind)}", Id, channel);
        }
        await db.SaveChangesAsync(ct);
        Notice = "已保存留言渠道";
        return LocalRedirect($"/admin/sites/{Id}/interaction");
    }

    public async Task<IActionResult> OnPostFaqAsync(CancellationToken ct)
    {
        if (Refuse(write: true) is { } refused)
        {
            return refused;
        }
        ModelState.Clear();
        var question = TypedText.LineOrEmpty(Faq.Question);
        var answer = TypedText.BlockOrEmpty(Faq.Answer);
        var keywords = TypedText.Line(Faq.Keywords);
        if (TypedText.Length(question) < 2)
        {
            ModelState.AddModelError("Faq.Question", "请填写问题");
        }
        else if (TypedText.Length(question) > 200)
        {
            ModelState.AddModelError("Faq.Question", "问题不能超过 200 个字");
        }
        if (TypedText.Length(answer.Trim()) < 2)
        {
            ModelState.AddModelError("Faq.Answer", "请填写答案");
        }
        else if (TypedText.Length(answer) > 5000)
        {
            ModelState.AddModelError("Faq.Answer", "答案不能超过 5000 个字");
        }
        if (TypedText.Length(keywords) > 200)
        {
            ModelState.AddModelError("Faq.Keywords", "关键词不能超过 200 个字");
        }
        FaqEntry? entry = null;
        if (Faq.Id is int id && (entry = await db.FaqEntries.FirstOrDefaultAsync(e => e.Id == id && e.SiteId == Id, ct)) is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        if (entry is null)
        {
            entry = new FaqEntry { SiteId = Id };
            db.FaqEntries.Add(entry);
        }
        entry.Question = question;
        entry.Answer = answer;
        entry.Keywords = keywords;
        entry.SortOrder = Faq.SortOrder;
        entry.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.RecordChanges(Audit.AuditActions.Settings, $"网站「{WorkingSite!.Name}」的智能问答", Id, entry);
        await db.SaveChangesAsync(ct);
        Notice = $"已保存问答：{question}";
        return LocalRedirect($"/admin/sites/{Id}/interaction");
    }

    public async Task<IActionResult> OnPostDeleteFaqAsync(int faqId, CancellationToken ct)
    {
        if (Refuse(write: true) is { } refused)
        {
            return refused;
        }
        var question = await db.FaqEntries.Where(e => e.Id == faqId && e.SiteId == Id).Select(e => e.Question).FirstOrDefaultAsync(ct);
        await db.FaqEntries.Where(e => e.Id == faqId && e.SiteId == Id).ExecuteDeleteAsync(ct);
        if (question is not null)
        {
            await audit.RecordAsync(Audit.AuditActions.Deleted, $"网站「{WorkingSite!.Name}」的智能问答", $"删除问答「{question}」", Id, ct: ct);
        }
        Notice = "已删除问答";
        return LocalRedirect($"/admin/sites/{Id}/interaction");
    }

    private IActionResult? Refuse(bool write = false)
    {
        WorkingSite = directory.FindById(Id);
        if (WorkingSite is null)
        {
            return NotFound();
        }
        return !Access.CanSee(Id) || (write && !CanAdminister) ? Forbid() : null;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var existing = await db.MessageChannels.AsNoTracking().Where(c => c.SiteId == Id).ToListAsync(ct);
        Channels = [.. Enum.GetValues<ChannelKind>().Select(k => existing.FirstOrDefault(c => c.Kind == k) is { } c
            ? new ChannelRow { Kind = k, Name = c.Name, IsOpen = c.IsOpen, Description = c.Description }
            : new ChannelRow { Kind = k, Name = InteractionLabels.Of(k), IsOpen = false })];
        Entries = await db.FaqEntries.AsNoTracking().Where(e => e.SiteId == Id).OrderBy(e => e.SortOrder).ThenBy(e => e.Id).ToListAsync(ct);
    }
}
