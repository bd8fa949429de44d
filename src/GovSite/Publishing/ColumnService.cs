using GovSite.Accounts;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Publishing;

public sealed class ColumnInput
{
    public string Name { get; set; } = "";
    public ColumnType Type { get; set; } = ColumnType.Other;
    public int? ParentId { get; set; }
    public int SortOrder { get; set; }
    public bool IsVisible { get; set; } = true;
    public string? Description { get; set; }
    public string? Keywords { get; set; }
}

public sealed class ColumnService(GovSiteDb db, SiteAccess access, SiteChanges changes, Audit.AuditLog audit)
{
    public async Task<SaveResult<Column>> SaveAsync(int siteId, int? id, ColumnInput input, CancellationToken ct = default)
    {
        if (!access.CanAdministerSite(siteId))
        {
            return SaveResult<Column>.Denied();
        }
        Column? column;
        if (id is int existing)
        {
            column = await db.Columns.FirstOrDefaultAsync(c => c.Id == existing && c.SiteId == siteId, ct);
            if (column is null)
            {
                return SaveResult<Column>.Missing();
            }
        }
        else
        {
            column = new Column { SiteId = siteId };
        }

        var errors = new ValidationErrors();
        var name = Common.TypedText.LineOrEmpty(input.Name);
        if (name.Length == 0)
        {
            errors.Add(nameof(input.Name), "请填写栏目名称");
        }
        else if (name.Length > 100)
        {
            errors.Add(nameof(input.Name), "栏目名称不能超过100个字");
        }
        if (!Enum.IsDefined(input.Type))
        {
            errors.Add(nameof(input.Type), "栏目类型无效");
        }
        if (input.ParentId is int parentId)
        {
            var parents = await db.Columns.Where(c => c.SiteId == siteId).Select(c => new { c.Id, c.ParentId }).ToListAsync(ct);
            if (parents.All(p => p.Id != parentId))
            {
                errors.Add(nameof(input.ParentId), "上级栏目不存在或不属于本网站");
            }
            else if (column.Id != 0)
            {
                // Walking up from the new parent must never reach this column, or the tree would loop.
                var byId = parents.ToDictionary(p => p.Id, p => p.ParentId);
                for (int? cursor = parentId; cursor is int c; cursor = byId.GetValueOrDefault(c))
                {
                    if (c == column.Id)
                    {
                        errors.Add(nameof(input.ParentId), "不能把栏目移到它自己或它的下级栏目之下");
                        break;
                    }
                }
            }
        }
        if (!errors.IsValid)
        {
            return SaveResult<Column>.Invalid(errors);
        }

        column.Name = name;
        column.Type = input.Type;
        column.ParentId = input.ParentId;
        column.SortOrder = input.SortOrder;
        column.IsVisible = input.IsVisible;
        column.Description = Common.TypedText.Line(input.Description);
        column.Keywords = Common.TypedText.Line(input.Keywords);
        if (column.Id == 0)
        {
            db.Columns.Add(column);
        }
        audit.RecordChanges(Audit.AuditActions.Settings, $"栏目「{column.Name}」", siteId, column);
        await db.SaveChangesAsync(ct);
        await changes.ContentChangedAsync(siteId, ct);
        return SaveResult<Column>.Ok(column);
    }

    /// <summary>Ids of a column and all columns below it.</summary>
    public static List<int> WithDescendants(IEnumerable<Column> siteColumns, int columnId)
    {
        var children = siteColumns.ToLookup(c => c.ParentId);
        var result = new List<int>();
        var stack = new Stack<int>([columnId]);
        while (stack.TryPop(out var id))
        {
            result.Add(id);
            foreach (var child in children[id])
            {
                stack.Push(child.Id);
            }
        }
        return result;
    }
}
