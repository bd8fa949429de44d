using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Publishing.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Publishing.Library;

/// <summary>`import` writes through the library and the workflow like everyone else.</summary>
public class ImportThroughLibraryTests(WorkflowFixture app) : IClassFixture<WorkflowFixture>
{
    private Task<ImportReport> ImportAsync(int column, params (string Title, string Body)[] rows) =>
        app.AsSystemAsync(sp => sp.GetRequiredService<ArticleImport>().ImportAsync(app.A.Id,
            [.. rows.Select((r, i) => new ImportRow(i + 1, new ArticleInput { ColumnId = column, Title = r.Title, Body = r.Body, PublishedAt = new DateTime(2026, 1, 5, 9, 0, 0) }, null))]));

    private async Task<int> ColumnAsync(int levels) => await app.DbAsync(async db =>
    {
        var column = new Column { SiteId = app.A.Id, Name = $"导入栏目{levels}-{Guid.NewGuid():N}"[..12], Type = ColumnType.Notice, ReviewLevels = levels };
        db.Columns.Add(column);
        await db.SaveChangesAsync();
        return column.Id;
    });

    [Fact]
    public async Task Rows_for_a_column_with_review_are_submitted_not_published()
    {
        var column = await ColumnAsync(1);
        var report = await ImportAsync(column, ("导入的通知一", "<p>正文一。</p>"), ("导入的通知二", "<p>正文二。</p>"));
        report.Imported.ShouldBe(2);
        report.Submitted.ShouldBe(2);
        var items = await app.DbAsync(db => db.LibraryItems.Where(i => i.HomeColumnId == column).ToListAsync());
        items.ShouldAllBe(i => i.Status == ItemStatus.Submitted && i.ReviewLevel == 1);
        (await app.DbAsync(db => db.Articles.CountAsync(a => a.ColumnId == column && a.Status == ArticleStatus.Published))).ShouldBe(0);
    }

    [Fact]
    public async Task A_row_the_gate_stops_is_kept_as_a_draft_and_reported_and_the_others_are_published_with_their_dates()
    {
        var column = await ColumnAsync(0);
        var report = await ImportAsync(column, ("合格的旧文件", "<p>依法行政。</p>"), ("有误的旧文件", "<p>中华人民共合国成立。</p>"));
        report.Imported.ShouldBe(1);
        report.Drafts.ShouldBe(1);
        report.Problems.Single().Line.ShouldBe(2);
        report.Problems.Single().Reason.ShouldContain("已存为草稿");
        report.Problems.Single().Reason.ShouldContain("中华人民共合国");
        var published = await app.DbAsync(db => db.Articles.SingleAsync(a => a.ColumnId == column && a.Status == ArticleStatus.Published));
        published.Title.ShouldBe("合格的旧文件");
        ChinaTime.Format(published.PublishedAt).ShouldBe("2026-01-05 09:00");
        (await app.DbAsync(db => db.LibraryItems.SingleAsync(i => i.HomeColumnId == column && i.Status == ItemStatus.Draft))).Title.ShouldBe("有误的旧文件");
        // Signed like any publication, with the date it was given.
        var trail = await app.DbAsync(db => db.ItemTransitions.Where(t => t.ItemId == published.ItemId).OrderBy(t => t.Id).Select(t => t.Action + ":" + t.Comment).ToListAsync());
        trail.Last().ShouldBe("publish:发布日期记为 2026-01-05 09:00");
    }
}
