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
        // The seam: every source of computed figures. The platform's own here; Disclosure/, Services/, ErrorReports/ and
        // Supervision/ (new media) register theirs in their own Setup.
        builder.Services.AddScoped<IAnnualReportFigures, PlatformReportFigures>();
        builder.Services.AddScoped<AnnualReportService>();
        builder.Services.AddSingleton(new SupervisionReportTemplate(
            AnnualReportTemplate.Load(builder.Configuration["AnnualReports:SupervisionTemplate"], "supervision-report-template.json")));
        builder.Services.AddScoped<SupervisionReportCounts>();
        builder.Services.AddScoped<SupervisionReportService>();
        builder.Services.AddScoped<AnnualReportReminders>();
        return builder;
    }

    public static WebApplication MapAnnualReports(this WebApplication app)
    {
        app.MapAnnualReportsApi();
        app.MapSupervisionReportsApi();
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
        b.Entity<SupervisionReport>(e =>
        {
            e.HasIndex(x => new { x.RegionId, x.Year }).IsUnique();
            e.HasIndex(x => new { x.Year, x.Status });
            e.Property(x => x.ReturnReason).HasMaxLength(500);
            e.Property(x => x.PublicUrl).HasMaxLength(500);
            e.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
