using GovSite.Data;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Publishing.Library;

public enum BulkAction
{
    Submit,
    Publish,
    Withdraw,
    Move,
}

/// <summary>What one item of a bulk action came to: done, or why not, in words for the person who asked.</summary>
public sealed record BulkOutcome(int ItemId, string Title, bool Done, string Message);

/// <summary>
/// Submit, publish, withdraw or move many items at once. Each item goes through the same
/// workflow step as alone, with the caller's rights checked on that item: one the caller may not
/// act on is reported and left as it was, and the rest go ahead.
/// </summary>
public sealed class BulkActions(GovSiteDb db, LibraryService library, Workflow workflow)
{
    public const int MaxItems = 200;

    public async Task<List<BulkOutcome>> RunAsync(IReadOnlyCollection<int> itemIds, BulkAction action, int? columnId, CancellationToken ct = default)
    {
        var outcomes = new List<BulkOutcome>();
        foreach (var id in itemIds.Distinct().Take(MaxItems))
        {
            var title = await db.LibraryItems.Where(i => i.Id == id).Select(i => i.Title).FirstOrDefaultAsync(ct);
            if (title is null)
            {
                outcomes.Add(new(id, $"稿件 {id}", false, "不存在或无权查看"));
                continue;
            }
            outcomes.Add(await RunOneAsync(id, title, action, columnId, ct));
            db.ChangeTracker.Clear();
        }
        return outcomes;
    }

    private async Task<BulkOutcome> RunOneAsync(int id, string title, BulkAction action, int? columnId, CancellationToken ct)
    {
        if (action == BulkAction.Move)
        {
            if (columnId is not int target)
            {
                return new(id, title, false, "请选择要移动到的栏目");
            }
            var item = await db.LibraryItems.AsNoTracking().FirstAsync(i => i.Id == id, ct);
            var input = ItemInput.From(await library.WorkingCopyAsync(item, ct));
            input.ColumnId = target;
            var moved = await library.UpdateAsync(id, input, "批量移动栏目", ct);
            return moved.Succeeded
                ? new(id, title, true, moved.Value!.RevisionStatus is null ? "已移动" : "已生成待审修订（审核发布后移动）")
                : new(id, title, false, moved.Forbidden ? "无权操作" : moved.NotFound ? "不存在" : Messages(moved.Errors));
        }
        var step = action switch
        {
            BulkAction.Submit => await workflow.SubmitAsync(id, ct),
            BulkAction.Publish => await workflow.PublishAsync(id, null, ct),
            _ => await workflow.WithdrawAsync(id, null, "批量撤回", ct: ct),
        };
        if (step.Succeeded)
        {
            var item = step.Item!;
            var message = action switch
            {
                BulkAction.Submit => "已提交审核",
                BulkAction.Publish => "已发布",
                _ => item.Status == ItemStatus.Withdrawn ? "已撤回" : "已提交撤回申请，审核通过后撤回",
            };
            return new(id, title, true, message);
        }
        return new(id, title, false, step.Forbidden ? "无权操作" : step.NotFound ? "不存在"
            : step.Blocked ? "质量检查发现须修改的问题" : Messages(step.Errors));
    }

    private static string Messages(ValidationErrors errors) => string.Join("；", errors.All.SelectMany(e => e.Value));
}
