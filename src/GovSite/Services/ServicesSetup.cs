using GovSite.Data;
using GovSite.Search;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Services;

public static class ServicesSetup
{
    /// <summary>The largest export a person uploads (the import's own limit applies after it).</summary>
    public const long MaxUploadBytes = 200L * 1024 * 1024;

    public static WebApplicationBuilder AddServices(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ServicesOptions>(builder.Configuration.GetSection("Services"));
        builder.Services.PostConfigure<ServicesOptions>(o =>
        {
            foreach (var host in (builder.Configuration["GOVSITE_SERVICE_HALL_HOSTS"] ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
            {
                o.HallHosts.Add(host.Trim());
            }
        });
        builder.Services.AddScoped<ServiceEditor>();
        builder.Services.AddScoped<ServiceCatalogue>();
        builder.Services.AddScoped<ServiceRatings>();
        builder.Services.AddScoped<ServiceUseCounter>();
        builder.Services.AddScoped<ServiceChanges>();
        builder.Services.AddScoped<GovSite.Sites.ISiteChangeFollower, ServiceAnswerFollower>();
        builder.Services.AddScoped<ServiceImporter>();
        builder.Services.AddScoped<AnnualReports.IAnnualReportFigures, ServicesReportFigures>();
        builder.Services.AddSingleton<ServiceAnswerIndex>();
        builder.Services.AddSingleton<IAnswerSource>(sp => sp.GetRequiredService<ServiceAnswerIndex>());
        builder.Services.AddScoped<PublicSite.StaticExport.IExportedPages, ServiceExportPages>();
        builder.Services.AddHttpClient(ServicesOptions.HallHttpClient, c =>
            {
                c.Timeout = Timeout.InfiniteTimeSpan; // the check sets its own, shorter limit
                c.DefaultRequestHeaders.UserAgent.ParseAdd("GovSite-HallLinkCheck/1.0 (+government service guide check)");
            })
            // A redirect (to the hall's login, say) means the page is there; it is not followed to hosts nobody allowed.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        builder.Services.AddHttpClient(ServicesOptions.ImportHttpClient, c => c.Timeout = TimeSpan.FromMinutes(5));
        builder.AddJobHandler<ServiceImportJob>(ServiceImportJob.Type);
        builder.AddJobHandler<HallLinkCheckJob>(HallLinkCheckJob.Type);
        builder.Services.AddSingleton<ServiceImportScheduler>();
        if (!JobQueueSetup.WorkersDisabled(builder.Configuration))
        {
            builder.Services.AddHostedService(sp => sp.GetRequiredService<ServiceImportScheduler>());
        }
        return builder;
    }

    public static IEndpointRouteBuilder MapServices(this IEndpointRouteBuilder app)
    {
        ServicesApi.Map(app);
        ServicePages.Map(app);
        return app;
    }

    /// <summary>The signed-in citizen of a public request, if any (their ratings count per account).</summary>
    public static Task<int?> CitizenIdAsync(HttpContext http) => Citizens.CitizensSetup.CitizenIdAsync(http);

    internal static void ConfigureModel(ModelBuilder b, GovSiteDb db)
    {
        b.Entity<ServiceItem>(e =>
        {
            e.HasIndex(x => x.Code).IsUnique();
            e.HasIndex(x => new { x.SiteId, x.Status });
            e.HasIndex(x => new { x.Status, x.Department });
            e.HasIndex(x => new { x.SourceId, x.Code });
            e.Property(x => x.Code).HasMaxLength(64);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Themes).HasMaxLength(1000);
            e.Property(x => x.LifeEvents).HasMaxLength(500);
            e.Property(x => x.BusinessEvents).HasMaxLength(500);
            e.Property(x => x.Department).HasMaxLength(200);
            e.Property(x => x.Location).HasMaxLength(500);
            e.Property(x => x.OfficeHours).HasMaxLength(500);
            e.Property(x => x.Phone).HasMaxLength(100);
            e.Property(x => x.SupervisionPhone).HasMaxLength(100);
            e.Property(x => x.HallUrl).HasMaxLength(500);
            e.Property(x => x.Keywords).HasMaxLength(200);
            e.Property(x => x.SourceHash).HasMaxLength(64);
            e.Property(x => x.HallError).HasMaxLength(200);
            e.Property(x => x.UpdatedBy).HasMaxLength(64);
            e.Property(x => x.SubmittedBy).HasMaxLength(64);
            e.Property(x => x.ReviewedBy).HasMaxLength(64);
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<ServiceImportSource>().WithMany().HasForeignKey(x => x.SourceId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(x => x.Materials).WithOne().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Steps).WithOne().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Questions).WithOne().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Documents).WithOne().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
            // Staff see their own sites' items in every state; everyone sees what is published.
            e.HasQueryFilter(i => db.Access.Unrestricted || db.Access.SiteIds.Contains(i.SiteId) || i.Status == ServiceItemStatus.Published);
        });
        b.Entity<ServiceMaterial>(e =>
        {
            e.HasIndex(x => x.ItemId);
            e.Property(x => x.Name).HasMaxLength(300);
            e.Property(x => x.Note).HasMaxLength(500);
        });
        b.Entity<ServiceStep>(e =>
        {
            e.HasIndex(x => x.ItemId);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.TimeLimit).HasMaxLength(100);
        });
        b.Entity<ServiceQuestion>(e =>
        {
            e.HasIndex(x => x.ItemId);
            e.Property(x => x.Question).HasMaxLength(300);
        });
        b.Entity<ServiceDocument>(e =>
        {
            e.HasIndex(x => x.ItemId);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Url).HasMaxLength(500);
            e.HasOne<Publishing.Files.StoredFile>().WithMany().HasForeignKey(x => x.FileId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<ServiceRating>(e =>
        {
            e.HasIndex(x => new { x.ItemId, x.CreatedAt });
            e.HasIndex(x => new { x.ClientHash, x.CreatedAt });
            e.HasIndex(x => new { x.SiteId, x.Level });
            e.HasIndex(x => x.CitizenId);
            e.Property(x => x.ClientHash).HasMaxLength(64);
            e.Property(x => x.FollowedUpBy).HasMaxLength(64);
            e.HasOne<ServiceItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
            // Comments are for the item's staff: a rating row is read by them or by system work.
            e.HasQueryFilter(r => db.Access.Unrestricted || db.Access.SiteIds.Contains(r.SiteId));
        });
        b.Entity<ServiceUse>(e =>
        {
            e.HasKey(x => new { x.ItemId, x.Day });
            e.HasIndex(x => x.Day);
            e.HasOne<ServiceItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ServiceImportSource>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Location).HasMaxLength(500);
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ServiceImportRun>(e =>
        {
            e.HasIndex(x => new { x.SourceId, x.StartedAt });
            e.Property(x => x.StartedBy).HasMaxLength(64);
            e.HasOne<ServiceImportSource>().WithMany().HasForeignKey(x => x.SourceId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
