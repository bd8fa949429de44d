using GovSite.Data;
using GovSite.Publishing;

namespace GovSite.Sites;

/// <summary>The columns every new site starts with, by site type.</summary>
public static class StandardColumns
{
    public sealed record Template(string Name, ColumnType Type, Template[]? Children = null, string? Description = null);

    /// <summary>The five columns 政府信息公开条例 requires on every department site.</summary>
    public static readonly Template Disclosure = new("政府信息公开", ColumnType.Disclosure,
    [
        new("政府信息公开指南", ColumnType.Disclosure),
        new("政府信息公开目录", ColumnType.Disclosure),
        new("政府信息公开年度报告", ColumnType.Disclosure),
        new("依申请公开", ColumnType.Disclosure),
        new("政府信息公开意见箱", ColumnType.Interaction),
    ]);

    public static IReadOnlyList<Template> For(SiteType type) => type == SiteType.Portal
        ?
        [
            new("要闻动态", ColumnType.News, Description: "本地区政务要闻和工作动态"),
            new("通知公告", ColumnType.Notice),
            new("政策文件", ColumnType.Policy),
            new("政策解读", ColumnType.Interpretation),
            new("人事信息", ColumnType.Personnel),
            new("规划计划", ColumnType.Planning),
            new("办事服务", ColumnType.Service, [new("办事指南", ColumnType.Service)]),
            new("互动交流", ColumnType.Interaction, [new("领导信箱", ColumnType.Interaction), new("咨询投诉", ColumnType.Interaction)]),
            new("机构概况", ColumnType.Overview),
            new("专题专栏", ColumnType.Topic),
        ]
        :
        [
            new("工作动态", ColumnType.News, Description: "本部门工作动态"),
            new("通知公告", ColumnType.Notice),
            new("政策文件", ColumnType.Policy),
            new("政策解读", ColumnType.Interpretation),
            new("人事信息", ColumnType.Personnel),
            new("规划计划", ColumnType.Planning),
            new("办事指南", ColumnType.Service),
            new("领导信箱", ColumnType.Interaction),
            new("机构概况", ColumnType.Overview),
            Disclosure,
        ];

    /// <summary>Adds the templates under <paramref name="parentId"/>; the caller owns the transaction.</summary>
    public static async Task<List<Column>> ProvisionAsync(GovSiteDb db, int siteId, IEnumerable<Template> templates,
        int? parentId = null, CancellationToken ct = default)
    {
        var created = new List<Column>();
        var order = 0;
        foreach (var t in templates)
        {
            var column = new Column
            {
                SiteId = siteId,
                ParentId = parentId,
                Name = t.Name,
                Type = t.Type,
                SortOrder = (order += 10),
                Description = t.Description,
            };
            db.Columns.Add(column);
            await db.SaveChangesAsync(ct);
            created.Add(column);
            if (t.Children is { Length: > 0 })
            {
                created.AddRange(await ProvisionAsync(db, siteId, t.Children, column.Id, ct));
            }
        }
        return created;
    }

    public static string Label(ColumnType type) => type switch
    {
        ColumnType.News => "新闻动态",
        ColumnType.Notice => "通知公告",
        ColumnType.Policy => "政策文件",
        ColumnType.Personnel => "人事信息",
        ColumnType.Planning => "规划计划",
        ColumnType.Interpretation => "政策解读",
        ColumnType.Overview => "机构概况",
        ColumnType.Service => "办事服务",
        ColumnType.Interaction => "互动交流",
        ColumnType.Disclosure => "信息公开",
        ColumnType.Topic => "专题专栏",
        _ => "其他",
    };
}
