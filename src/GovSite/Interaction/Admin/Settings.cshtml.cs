using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Interaction.Admin;

/// <summary>A site's channels (领导信箱, 咨询, 投诉, 建议) and its FAQ knowledge base (智能问答).</summary>
public sealed class SettingsModel(SiteAccess access, GovSiteDb db, SiteDirectory directory, TimeProvider clock) : AdminPageModel(access)
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
            var name = PlainText.From(row.Name, 50);
            channel.Name = name.Length == 0 ? InteractionLabels.Of(row.Kind) : name;
            channel.Description = PlainText.From(row.Description, 500) is { Length: > 0 } d ? d : null;
            channel.IsOpen = row.IsOpen;
            channel.SortOrder = order += 10;
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
        var question = PlainText.From(Faq.Question, 200);
        var answer = PlainText.From(Faq.Answer, 5000);
        if (question.Length < 2)
        {
            ModelState.AddModelError("Faq.Question", "请填写问题");
        }
        if (answer.Length < 2)
        {
            ModelState.AddModelError("Faq.Answer", "请填写答案");
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
        entry.Keywords = PlainText.From(Faq.Keywords, 200) is { Length: > 0 } k ? k : null;
        entry.SortOrder = Faq.SortOrder;
        entry.UpdatedAt = clock.GetUtcNow().UtcDateTime;
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
        await db.FaqEntries.Where(e => e.Id == faqId && e.SiteId == Id).ExecuteDeleteAsync(ct);
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
