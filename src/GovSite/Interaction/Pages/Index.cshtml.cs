using GovSite.PublicSite;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Interaction.Pages;

/// <summary>来信选登: published messages whose writers agreed, masked, with the site's figures.</summary>
[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
public sealed class InteractionIndexModel(CurrentSite current, SiteContent content, Data.GovSiteDb db, MessageStatistics statistics)
    : PublicPageModel(current, content)
{
    public const int PageSize = 20;

    public sealed record Item(int Id, string Subject, string Channel, string Writer, DateTime ReceivedAt, DateTime? PublishedAt);

    public List<Item> Items { get; private set; } = [];
    public List<MessageChannel> Channels { get; private set; } = [];
    public MessageFigures Figures { get; private set; } = null!;
    public int PageNumber { get; private set; }
    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? page, CancellationToken ct)
    {
        if (!await LoadSiteAsync(ct))
        {
            return NotFound();
        }
        PageTitle = $"互动交流 - {Site.Name}";
        CacheTags(PageTags.Messages(Site.Id));
        AddMeta("ColumnName", "互动交流");
        AddMeta("ColumnType", "互动交流");
        Channels = await db.MessageChannels.AsNoTracking().Where(c => c.SiteId == Site.Id && c.IsOpen).OrderBy(c => c.SortOrder).ToListAsync(ct);
        var published = db.Messages.AsNoTracking()
            .Where(m => m.SiteId == Site.Id && m.Status == MessageStatus.Published && m.AllowPublic);
        Total = await published.CountAsync(ct);
        PageNumber = Math.Clamp(page ?? 1, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        var names = Channels.ToDictionary(c => c.Id, c => c.Name);
        var rows = await published.OrderByDescending(m => m.PublishedAt).ThenByDescending(m => m.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(m => new { m.Id, m.Subject, m.ChannelId, m.Name, m.ReceivedAt, m.PublishedAt }).ToListAsync(ct);
        Items = [.. rows.Select(m => new Item(m.Id, PersonalDataMask.Mask(m.Subject, m.Name), names.GetValueOrDefault(m.ChannelId, "留言"),
            PersonalDataMask.MaskName(m.Name), m.ReceivedAt, m.PublishedAt))];
        Figures = await statistics.ForSiteAsync(Site.Id, null, null, ct);
        return Page();
    }
}
