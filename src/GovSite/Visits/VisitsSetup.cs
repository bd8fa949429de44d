using GovSite.Data;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Visits;

public static class VisitsSetup
{
    public static WebApplicationBuilder AddVisits(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<VisitOptions>(builder.Configuration.GetSection("Visits"));
        builder.Services.AddSingleton<VisitCounter>();
        builder.Services.AddHostedService<VisitFlusher>();
        builder.Services.AddScoped<VisitFigures>();
        return builder;
    }

    public static WebApplication MapVisits(this WebApplication app)
    {
        app.MapVisitsApi();
        return app;
    }

    internal static void ConfigureModel(ModelBuilder b)
    {
        b.Entity<SiteVisitDay>(e =>
        {
            e.HasKey(x => new { x.SiteId, x.Day });
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<PageVisitDay>(e =>
        {
            e.HasKey(x => new { x.SiteId, x.Day, x.Path });
            e.Property(x => x.Path).HasMaxLength(VisitCounter.MaxPathLength);
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
            // No foreign key to the column: a column deleted later keeps its history under its number.
            e.HasIndex(x => new { x.SiteId, x.ColumnId, x.Day });
        });
        b.Entity<VisitFacetDay>(e =>
        {
            e.HasKey(x => new { x.SiteId, x.Day, x.Facet, x.Value });
            e.Property(x => x.Value).HasMaxLength(200);
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<VisitorMark>(e => e.HasKey(x => new { x.Day, x.Key }));
        b.Entity<VisitSalt>(e => e.HasKey(x => x.Day));
    }
}
