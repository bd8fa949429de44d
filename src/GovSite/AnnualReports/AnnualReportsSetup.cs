using GovSite.Data;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.AnnualReports;

public static class AnnualReportsSetup
{
    public static WebApplicationBuilder AddAnnualReports(this WebApplicationBuilder builder)
    {
        var template = AnnualReportTemplate.Load(builder.Configuration["AnnualReports:Template"]);
        builder.Services.AddSingleton(template);
        builder.Services.Configure<PdfOptions>(o => o.Chromium = builder.Configuration["GOVSITE_CHROMIUM"] ?? o.Chromium);
        builder.Services.AddSingleton<AnnualReportPdf>();
        // The seam: every source of computed figures. Disclosure/, Services/ and ErrorReports/ add theirs here when they land.
        builder.Services.AddScoped<IAnnualReportFigures, PlatformReportFigures>();
        builder.Services.AddScoped<AnnualReportService>();
        builder.Services.AddScoped<AnnualReportReminders>();
        return builder;
    }

    public static WebApplication MapAnnualReports(this WebApplication app)
    {
        app.MapAnnualReportsApi();
        return app;
    }

    internal static void ConfigureModel(ModelBuilder b)
    {
        b.Entity<AnnualReport>(e =>
        {
            e.HasIndex(x => new { x.SiteId, x.Year }).IsUnique();
            e.HasIndex(x => new { x.Year, x.Status });
            e.Property(x => x.ReturnReason).HasMaxLength(500);
            e.Property(x => x.PublicUrl).HasMaxLength(500);
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
