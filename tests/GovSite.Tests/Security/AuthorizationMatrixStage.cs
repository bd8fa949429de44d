using System.Net;
using System.Net.Http.Json;
using GovSite.Common;
using GovSite.Data;
using GovSite.Interaction;
using GovSite.Interaction.Participation;
using GovSite.Publishing.Library;
using GovSite.Sites;
using GovSite.Supervision;
using GovSite.Tests.Disclosure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Security;

/// <summary>
/// The rows the demo region lacks, made on both matrix sites before the matrix runs, so every
/// route value names a real row of its site and a 404 means "hidden", never "there is none":
/// 依申请公开 applications and 找错 reports (through the public API, as visitors make them), an
/// item waiting for review, a reprint order and a placement request, a service import source and
/// its run, a consultation, a survey and an interview, a message with an attachment, and a
/// planned migration of a small site of each side's region (the migration endpoints close their
/// source site, so they get a site of their own rather than the matrix's).
/// </summary>
public static class AuthorizationMatrixStage
{
    /// <summary>What a site got: the ids the rows look up by kind.</summary>
    public sealed record Staged(int ItemToApprove, int ItemToReject, string MigrationSourceCode);

    public static async Task<Dictionary<MatrixSite, Staged>> PrepareAsync(GovSiteFactory app, MatrixSite a, MatrixSite b)
    {
        var staged = new Dictionary<MatrixSite, Staged>();
        using var visitor = app.CreateClient();
        foreach (var (site, suffix) in new[] { (a, "91"), (b, "92") })
        {
            var apply = await visitor.PostAsJsonAsync($"/api/v1/sites/{site.Code}/information-requests", DisclosureFactory.Application());
            apply.StatusCode.ShouldBe(HttpStatusCode.Created, $"an application to {site.Label}: " + await apply.Content.ReadAsStringAsync());
            var report = await visitor.PostAsJsonAsync($"/api/v1/sites/{site.Code}/error-reports", new
            {
                pageUrl = $"https://{site.Code}.matrix.test.gov.cn/", kind = "Content", description = "矩阵：发布日期写错了。",
            });
            report.StatusCode.ShouldBe(HttpStatusCode.Created, $"an error report on {site.Label}: " + await report.Content.ReadAsStringAsync());

            // A small online site of the same region, planned to move into the matrix site.
            var source = await app.CreateSiteAsync(site.RegionCode + "00" + suffix, $"矩阵迁移{site.Label}", SiteType.Department);
            staged[site] = await app.AsSystemAsync(async sp =>
            {
                var db = sp.GetRequiredService<GovSiteDb>();
                var now = DateTime.UtcNow;
                var first = await db.LibraryItems.IgnoreQueryFilters().Where(i => i.OwnerSiteId == site.Id).OrderBy(i => i.Id).FirstAsync();

                // An item in review: approve and reject meet a state they act on. Its column is reviewed
                // (a column of the site that is, or else the first item's, given one level of review).
                var reviewed = await db.Columns.IgnoreQueryFilters().Where(c => c.SiteId == site.Id && c.ReviewLevels > 0).OrderBy(c => c.Id).FirstOrDefaultAsync();
                if (reviewed is null)
                {
                    reviewed = await db.Columns.IgnoreQueryFilters().SingleAsync(c => c.Id == first.HomeColumnId);
                    reviewed.ReviewLevels = 1;
                    await db.SaveChangesAsync();
                }
                // One for approving and one for rejecting: an approved item is one its editor may still send back.
                async Task<int> InReviewAsync(string title)
                {
                    var created = await sp.GetRequiredService<LibraryService>().CreateAsync(site.Id,
                        new ItemInput { ColumnId = reviewed.Id, Title = title, Body = "<p>矩阵待审稿件正文。</p>" });
                    created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.All.SelectMany(e => e.Value)));
                    await sp.GetRequiredService<Workflow>().SubmitAsync(created.Value!.Id);
                    (await db.LibraryItems.IgnoreQueryFilters().Where(i => i.Id == created.Value.Id).Select(i => i.Status).SingleAsync())
                        .ShouldBe(ItemStatus.Submitted, $"the matrix's item in review on {site.Label}");
                    return created.Value.Id;
                }
                var toApprove = await InReviewAsync("矩阵待审稿件（通过）");
                var toReject = await InReviewAsync("矩阵待审稿件（退回）");

                // Another site's published item offered to this one, and this site's order to reprint its own.
                var offered = await db.LibraryItems.IgnoreQueryFilters().Where(i => i.OwnerSiteId != site.Id && i.Status == ItemStatus.Published)
                    .OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
                db.PlacementRequests.Add(new PlacementRequest
                {
                    ItemId = offered, SiteId = site.Id, Kind = PlacementKind.Placement, Status = PlacementRequestStatus.Pending, RequestedAt = now,
                    RequestedByName = "矩阵",
                });
                db.ReprintOrders.Add(new ReprintOrder { ItemId = first.Id, IssuerSiteId = site.Id, DeadlineUtc = now.AddDays(7), CreatedAt = now, Note = "矩阵" });

                var importSource = new GovSite.Services.ServiceImportSource { Name = "矩阵数据源" + site.Label, Format = GovSite.Services.ImportFormat.Json, SiteId = site.Id };
                db.ServiceImportSources.Add(importSource);
                await db.SaveChangesAsync();
                db.ServiceImportRuns.Add(new GovSite.Services.ServiceImportRun { SourceId = importSource.Id, StartedAt = now, FinishedAt = now, StartedBy = "矩阵" });

                // A message of the site with its attachment on disk (the first one, which the rows pick).
                var message = await db.Messages.IgnoreQueryFilters().Where(m => m.SiteId == site.Id).OrderBy(m => m.Id).FirstAsync();
                message.AttachmentFile = await sp.GetRequiredService<Attachments>().SaveAsync(DisclosureFactory.Png, ".png", CancellationToken.None);
                message.AttachmentName = "矩阵附件.png";
                message.AttachmentType = "image/png";

                db.SiteMigrations.Add(new SiteMigration
                {
                    SourceSiteId = source.Id, TargetSiteId = site.Id, Kind = MigrationKind.Integration, Status = MigrationStatus.Planning, CreatedAt = now,
                    CreatedBy = "矩阵",
                });
                await db.SaveChangesAsync();

                var today = DateOnly.FromDateTime(ChinaTime.ToLocal(now));
                var consultation = await sp.GetRequiredService<ConsultationService>().SaveAsync(site.Id, null, new ConsultationInput
                {
                    Title = "矩阵征求意见", Body = "<p>草案全文。</p>", OpensOn = today.AddDays(-1), ClosesOn = today.AddDays(30), IsPublished = true,
                });
                consultation.Succeeded.ShouldBeTrue(string.Join("; ", consultation.Errors.All.SelectMany(e => e.Value)));
                var survey = await sp.GetRequiredService<SurveyService>().SaveAsync(site.Id, null, new SurveyInput
                {
                    Title = "矩阵问卷", OpensOn = today.AddDays(-1), ClosesOn = today.AddDays(30), IsPublished = true, ResultsPublished = true,
                    Questions = [new GovSite.Interaction.Participation.QuestionInput { Text = "您是否满意？", Type = SurveyQuestionType.SingleChoice, Options = "满意\n不满意", IsRequired = true }],
                });
                survey.Succeeded.ShouldBeTrue(string.Join("; ", survey.Errors.All.SelectMany(e => e.Value)));
                var local = ChinaTime.ToLocal(now);
                var interview = await sp.GetRequiredService<InterviewService>().SaveAsync(site.Id, null, new InterviewInput
                {
                    Title = "矩阵在线访谈", Guests = "矩阵嘉宾", StartsAt = local.AddHours(-1), EndsAt = local.AddDays(2), IsPublished = true,
                });
                interview.Succeeded.ShouldBeTrue(string.Join("; ", interview.Errors.All.SelectMany(e => e.Value)));
                return new Staged(toApprove, toReject, source.Code);
            });
        }
        return staged;
    }
}
