using GovSite.Data;
using GovSite.Interaction;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.ErrorReports;

/// <summary>我为政府网站找错: the form behind every page's entry, routing, deadlines and figures.</summary>
public static class ErrorReportsSetup
{
    public static WebApplicationBuilder AddErrorReports(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ErrorReportOptions>(builder.Configuration.GetSection("ErrorReports"));
        builder.Services.AddScoped<ErrorReportService>();
        builder.Services.AddScoped<ErrorReportFigures>();
        builder.Services.AddScoped<AnnualReports.IAnnualReportFigures, ErrorReportsReportFigures>();
        builder.Services.AddScoped<IDeadlineWatch, ErrorReportDeadlines>();
        return builder;
    }

    public static IEndpointRouteBuilder MapErrorReports(this IEndpointRouteBuilder app)
    {
        app.MapErrorReportsApi();
        return app;
    }

    internal static void ConfigureModel(ModelBuilder b, GovSiteDb db)
    {
        b.Entity<ErrorReport>(e =>
        {
            e.Property(x => x.Number).HasMaxLength(20);
            e.HasIndex(x => x.Number).IsUnique();
            e.Property(x => x.QueryCodeHash).HasMaxLength(64);
            e.Property(x => x.ExternalNumber).HasMaxLength(50);
            e.Property(x => x.PageUrl).HasMaxLength(2000);
            e.Property(x => x.Name).HasMaxLength(50);
            e.Property(x => x.Phone).HasMaxLength(30);
            e.Property(x => x.Email).HasMaxLength(254);
            e.Property(x => x.SubmitterIp).HasMaxLength(45);
            e.Property(x => x.RepliedBy).HasMaxLength(64);
            e.Ignore(x => x.ClosedOnTime);
            e.HasIndex(x => new { x.HandlingSiteId, x.Status, x.DueDate });
            e.HasIndex(x => new { x.SiteId, x.ReceivedOn });
            e.HasIndex(x => new { x.Status, x.DueDate });
            e.HasIndex(x => new { x.SubmitterIp, x.ReceivedAt });
            e.HasIndex(x => new { x.SiteId, x.Source, x.ExternalNumber });
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
            // Staff see the reports made on their sites or handed to them; supervisors those of their regions.
            e.HasQueryFilter(r => db.Access.Unrestricted || db.Access.SiteIds.Contains(r.SiteId) || db.Access.SiteIds.Contains(r.HandlingSiteId));
        });
        b.Entity<ErrorReportSettings>(e =>
        {
            e.HasKey(x => x.RegionId);
            e.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
