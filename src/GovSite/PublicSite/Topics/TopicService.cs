using GovSite.Accounts;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.PublicSite.Topics;

public sealed class TopicInput
{
    public string Name { get; set; } = "";
    public string? Summary { get; set; }
    public string? BannerUrl { get; set; }

    /// <summary>Names of the topic's columns, one per line.</summary>
    public string? ColumnNames { get; set; }
}

public sealed class TopicService(GovSiteDb db, SiteAccess access, SiteChanges changes, TimeProvider clock)
{
    /// <summary>Opens a topic: a root column of type Topic with the named sub-columns.</summary>
    public async Task<SaveResult<SpecialTopic>> OpenAsync(int siteId, TopicInput input, CancellationToken ct = default)
    {
        if (!access.CanAdministerSite(siteId))
        {
            return SaveResult<SpecialTopic>.Denied();
        }
        var errors = new ValidationErrors();
        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100)
        {
            errors.Add(nameof(input.Name), "请填写专题名称（100 字以内）");
        }
        var columnNames = (input.ColumnNames ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct().ToList();
        if (columnNames.Count == 0)
        {
            errors.Add(nameof(input.ColumnNames), "请至少填写一个专题栏目名称，每行一个");
        }
        if (columnNames.Any(n => n.Length > 100))
        {
            errors.Add(nameof(input.ColumnNames), "栏目名称不能超过 100 字");
        }
        if (input.BannerUrl is { Length: > 0 } banner && !(banner.StartsWith('/') || banner.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(nameof(input.BannerUrl), "横幅图片地址须以 / 或 https:// 开头");
        }
        if (!errors.IsValid)
        {
            return SaveResult<SpecialTopic>.Invalid(errors);
        }
        var root = new Column { SiteId = siteId, Name = name, Type = ColumnType.Topic, SortOrder = 1000, Description = input.Summary };
        db.Columns.Add(root);
        await db.SaveChangesAsync(ct);
        var order = 0;
        foreach (var columnName in columnNames)
        {
            db.Columns.Add(new Column { SiteId = siteId, ParentId = root.Id, Name = columnName, Type = ColumnType.Topic, SortOrder = order++ });
        }
        var topic = new SpecialTopic
        {
            SiteId = siteId, Name = name, Summary = Clean(input.Summary), BannerUrl = Clean(input.BannerUrl),
            ColumnId = root.Id, OpenedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.SpecialTopics.Add(topic);
        await db.SaveChangesAsync(ct);
        await changes.ContentChangedAsync(siteId, ct);
        return SaveResult<SpecialTopic>.Ok(topic);
    }

    /// <summary>Closes (archives) or reopens a topic. Its pages stay; the homepage banner goes.</summary>
    public async Task<SaveResult<SpecialTopic>> SetClosedAsync(int siteId, int topicId, bool closed, CancellationToken ct = default)
    {
        if (!access.CanAdministerSite(siteId))
        {
            return SaveResult<SpecialTopic>.Denied();
        }
        var topic = await db.SpecialTopics.FirstOrDefaultAsync(t => t.Id == topicId && t.SiteId == siteId, ct);
        if (topic is null)
        {
            return SaveResult<SpecialTopic>.Missing();
        }
        topic.ClosedAt = closed ? clock.GetUtcNow().UtcDateTime : null;
        await db.SaveChangesAsync(ct);
        await changes.ContentChangedAsync(siteId, ct);
        return SaveResult<SpecialTopic>.Ok(topic);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
