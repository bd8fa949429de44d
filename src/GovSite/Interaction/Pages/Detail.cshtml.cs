using GovSite.PublicSite;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Interaction.Pages;

[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
public sealed class MessageDetailModel(CurrentSite current, SiteContent content, Data.GovSiteDb db) : PublicPageModel(current, content)
{
    public string Subject { get; private set; } = "";
    public string Text { get; private set; } = "";
    public string Reply { get; private set; } = "";
    public string Writer { get; private set; } = "";
    public string Channel { get; private set; } = "";
    public string? ReplySite { get; private set; }
    public DateTime ReceivedAt { get; private set; }
    public DateTime? PublishedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, [FromServices] Sites.SiteDirectory directory, CancellationToken ct)
    {
        if (!await LoadSiteAsync(ct))
        {
            return NotFound();
        }
        // Only what the writer agreed to publish, whoever asks: staff see the rest in the back office.
        var m = await db.Messages.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(x => x.Id == id && x.SiteId == Site.Id && x.Status == MessageStatus.Published && x.AllowPublic, ct);
        if (m is null)
        {
            return NotFound();
        }
        Subject = PersonalDataMask.Mask(m.Subject, m.Name);
        Text = PersonalDataMask.Mask(m.Text, m.Name);
        Reply = PersonalDataMask.Mask(m.Reply, m.Name);
        Writer = PersonalDataMask.MaskName(m.Name);
        Channel = await db.MessageChannels.Where(c => c.Id == m.ChannelId).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "留言";
        ReplySite = m.ReplySiteId is int rs ? directory.FindById(rs)?.Name : null;
        ReceivedAt = m.ReceivedAt;
        PublishedAt = m.PublishedAt;
        PageTitle = $"{Subject} - {Site.Name}";
        CacheTags(PageTags.Messages(Site.Id));
        return Page();
    }
}
