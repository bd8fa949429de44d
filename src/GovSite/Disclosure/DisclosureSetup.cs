using GovSite.Common;
using GovSite.Data;
using GovSite.Interaction;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Disclosure;

/// <summary>政府信息公开: the catalogue, the guide, statutory content, requests on their clock, the annual report.</summary>
public static class DisclosureSetup
{
    public static WebApplicationBuilder AddDisclosure(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<DisclosureOptions>(builder.Configuration.GetSection("Disclosure"));
        builder.Services.Configure<PdfOptions>(builder.Configuration.GetSection("Pdf"));
        builder.Services.AddSingleton<PdfPrinter>();
        builder.Services.AddScoped<RequestService>();
        builder.Services.AddScoped<GuideService>();
        builder.Services.AddScoped<StatutoryContent>();
        builder.Services.AddScoped<AnnualReports>();
        builder.Services.AddScoped<ReportService>();
        builder.Services.AddScoped<Catalogue>();
        builder.Services.AddScoped<global::GovSite.AnnualReports.IAnnualReportFigures, DisclosureReportFigures>();
        builder.Services.AddSingleton<CatalogueCounts>();
        builder.Services.AddScoped<IArticleObserver, CatalogueObserver>();
        builder.Services.AddScoped<IDeadlineWatch, RequestDeadlines>();
        builder.Services.AddScoped<IDeadlineWatch, ReportDeadlines>();
        return builder;
    }

    public static IEndpointRouteBuilder MapDisclosure(this IEndpointRouteBuilder app)
    {
        app.MapDisclosureApi();
        return app;
    }

    internal static void ConfigureModel(ModelBuilder b, GovSiteDb db)
    {
        b.Entity<InformationRequest>(e =>
        {
            e.Property(x => x.Number).HasMaxLength(20);
            e.HasIndex(x => x.Number).IsUnique();
            e.Property(x => x.QueryCodeHash).HasMaxLength(64);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.IdNumber).HasMaxLength(30);
            e.Property(x => x.ApplicantKey).HasMaxLength(30);
            e.Property(x => x.WorkUnit).HasMaxLength(100);
            e.Property(x => x.LegalRepresentative).HasMaxLength(50);
            e.Property(x => x.ContactName).HasMaxLength(50);
            e.Property(x => x.Phone).HasMaxLength(30);
            e.Property(x => x.Email).HasMaxLength(254);
            e.Property(x => x.Address).HasMaxLength(200);
            e.Property(x => x.PostalCode).HasMaxLength(10);
            e.Property(x => x.Fax).HasMaxLength(30);
            e.Property(x => x.InformationName).HasMaxLength(200);
            e.Property(x => x.RecordedBy).HasMaxLength(64);
            e.Property(x => x.SubmitterIp).HasMaxLength(45);
            e.Property(x => x.Office).HasMaxLength(100);
            e.Property(x => x.AnswerGround).HasMaxLength(32);
            e.Property(x => x.FeeAmount).HasPrecision(18, 2);
            e.Ignore(x => x.IsOpen);
            e.Ignore(x => x.FinishedOn);
            e.HasIndex(x => new { x.SiteId, x.ReceivedOn });
            e.HasIndex(x => new { x.Status, x.DueDate });
            e.HasIndex(x => new { x.SiteId, x.ApplicantKey, x.ReceivedOn });
            e.HasIndex(x => new { x.SubmitterIp, x.RecordedAt });
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
            // Staff see their own sites' requests; supervisors those of their regions. Applicants look up with the query code.
            e.HasQueryFilter(r => db.Access.Unrestricted || db.Access.SiteIds.Contains(r.SiteId));
        });
        b.Entity<RequestEvent>(e =>
        {
            e.Property(x => x.UserName).HasMaxLength(64);
            e.Property(x => x.ApprovedBy).HasMaxLength(50);
            e.Property(x => x.Party).HasMaxLength(100);
            e.Property(x => x.Amount).HasPrecision(18, 2);
            e.HasIndex(x => x.RequestId);
            e.HasOne<InformationRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<RequestLetter>(e =>
        {
            e.Property(x => x.Reference).HasMaxLength(100);
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.Addressee).HasMaxLength(100);
            e.Property(x => x.Issuer).HasMaxLength(200);
            e.HasIndex(x => x.RequestId);
            e.HasIndex(x => new { x.SiteId, x.Reference }).IsUnique();
            e.HasOne<InformationRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<DisclosureGuide>(e =>
        {
            e.Property(x => x.Office).HasMaxLength(100);
            e.Property(x => x.Address).HasMaxLength(200);
            e.Property(x => x.PostalCode).HasMaxLength(10);
            e.Property(x => x.Hours).HasMaxLength(200);
            e.Property(x => x.Phone).HasMaxLength(50);
            e.Property(x => x.Fax).HasMaxLength(50);
            e.Property(x => x.Email).HasMaxLength(254);
            e.Property(x => x.LetterPrefix).HasMaxLength(40);
            e.Property(x => x.CreatedBy).HasMaxLength(64);
            e.HasIndex(x => new { x.SiteId, x.Version }).IsUnique();
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<StatutoryCategory>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(50);
            e.Property(x => x.Genres).HasMaxLength(200);
            e.Property(x => x.Columns).HasMaxLength(200);
            e.HasIndex(x => x.SiteType);
        });
        b.Entity<DisclosureReport>(e =>
        {
            e.Property(x => x.PublishedBy).HasMaxLength(64);
            e.Property(x => x.UpdatedBy).HasMaxLength(64);
            e.HasIndex(x => new { x.SiteId, x.Year }).IsUnique();
            e.HasIndex(x => new { x.Year, x.Status });
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(r => db.Access.Unrestricted || db.Access.SiteIds.Contains(r.SiteId) || r.Status == ReportStatus.Published);
        });
    }
}
