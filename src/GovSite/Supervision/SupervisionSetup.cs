using GovSite.Data;
using GovSite.Interaction;
using GovSite.Monitoring.Platform;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Supervision;

/// <summary>Configurable defaults of supervision (section "Supervision").</summary>
public sealed class SupervisionOptions
{
    /// <summary>Share of running sites a spot check samples (domain.md: at least 30% a quarter).</summary>
    public double DefaultRatio { get; set; } = 0.3;

    /// <summary>Sites not sampled in this many quarters before are sampled first.</summary>
    public int FavourQuarters { get; set; } = 3;

    /// <summary>Working days a rectification order gives by default.</summary>
    public int RectificationWorkingDays { get; set; } = 10;

    /// <summary>A reminder this many working days (or fewer) before a rectification is due.</summary>
    public int ReminderWorkingDays { get; set; } = 2;

    /// <summary>Late by this many working days: escalated to the supervising office.</summary>
    public int EscalateAfterWorkingDays { get; set; } = 3;

    /// <summary>A closed or merged site's notice stays at least this many days (domain.md: 30).</summary>
    public int NoticeDays { get; set; } = 30;

    /// <summary>A new-media account whose last post is older than this is stale (like a news column: 2 weeks).</summary>
    public int NewMediaStaleDays { get; set; } = 14;

    /// <summary>
    /// Whether look-alike names are looked up in DNS at all (GOVSITE_COUNTERFEIT_LOOKUP). Off by
    /// default: a fresh install and the demo resolve nothing until an operator turns it on.
    /// </summary>
    public bool LookupEnabled { get; set; }

    /// <summary>Chromium for PDF exports (GOVSITE_CHROMIUM); Debian's by default.</summary>
    public string Chromium { get; set; } = "/usr/bin/chromium";
}

public static class SupervisionSetup
{
    public static WebApplicationBuilder AddSupervision(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<SupervisionOptions>(builder.Configuration.GetSection("Supervision"));
        builder.Services.PostConfigure<SupervisionOptions>(o =>
        {
            o.LookupEnabled |= builder.Configuration.GetValue("GOVSITE_COUNTERFEIT_LOOKUP", false);
            if (builder.Configuration["GOVSITE_CHROMIUM"] is { Length: > 0 } chromium)
            {
                o.Chromium = chromium;
            }
        });
        builder.Services.AddScoped<IndicatorTables>();
        builder.Services.AddScoped<Assessments>();
        builder.Services.AddScoped<SpotChecks>();
        builder.Services.AddScoped<Notices>();
        builder.Services.AddScoped<Rectifications>();
        builder.Services.AddScoped<IDeadlineSweep, RectificationDeadlines>();
        builder.Services.AddScoped<Accountability>();
        builder.Services.AddScoped<SiteLifecycle>();
        builder.Services.AddScoped<SiteMoves>();
        builder.Services.AddSingleton<LifecycleDirectory>();
        builder.Services.AddScoped<Counterfeits>();
        builder.Services.AddSingleton<ILookAlikeResolver, DnsLookAlikeResolver>();
        builder.Services.AddScoped<NewMedia>();
        builder.Services.AddScoped<AnnualReports.IAnnualReportFigures, NewMediaReportFigures>();
        builder.Services.AddScoped<Translations>();
        builder.Services.AddScoped<SupervisorDesk>();
        builder.Services.AddSingleton<PdfPrinter>();
        builder.Services.AddScoped<ICheckRunObserver, SupervisionCheckRuns>();
        builder.AddJobHandler<RectificationDueJob>(RectificationDueJob.Type);
        return builder;
    }

    public static IEndpointRouteBuilder MapSupervision(this IEndpointRouteBuilder app)
    {
        SupervisionApi.Map(app);
        SupervisionExports.Map(app);
        return app;
    }

    public static void ConfigureModel(ModelBuilder b, GovSiteDb db)
    {
        b.Entity<IndicatorTable>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Note).HasMaxLength(2000);
            e.Property(x => x.CreatedBy).HasMaxLength(64);
            e.HasIndex(x => x.Version).IsUnique();
            e.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.TableId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Indicator>(e =>
        {
            e.Property(x => x.Code).HasMaxLength(16);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Rule).HasMaxLength(1000);
            e.Property(x => x.CheckCodes).HasMaxLength(400);
            e.Ignore(x => x.Codes);
        });
        b.Entity<Assessment>(e =>
        {
            e.Property(x => x.Period).HasMaxLength(8);
            e.Property(x => x.Stratum).HasMaxLength(40);
            e.Property(x => x.Verdict).HasMaxLength(8);
            e.Property(x => x.VetoCodes).HasMaxLength(400);
            e.Property(x => x.SignedBy).HasMaxLength(64);
            e.HasIndex(x => x.RoundId);
            e.HasIndex(x => new { x.MonitoredSiteId, x.Period });
            e.HasIndex(x => new { x.RegionId, x.Period });
            e.HasIndex(x => x.SiteId);
            e.HasOne<MonitoredSite>().WithMany().HasForeignKey(x => x.MonitoredSiteId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<SpotCheckRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<IndicatorTable>().WithMany().HasForeignKey(x => x.IndicatorTableId).OnDelete(DeleteBehavior.Restrict);
            // Supervisors see their regions' sheets; a hosted site's own people see that site's.
            e.HasQueryFilter(x => db.Access.Unrestricted || db.Access.RegionIds.Contains(x.RegionId)
                                  || (x.SiteId != null && db.Access.SiteIds.Contains(x.SiteId.Value)));
        });
        b.Entity<AssessmentReview>(e =>
        {
            e.Property(x => x.EvidenceKey).HasMaxLength(32);
            e.Property(x => x.Comment).HasMaxLength(2000);
            e.Property(x => x.By).HasMaxLength(64);
            e.HasOne<Assessment>().WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<AssessmentEntry>(e =>
        {
            e.Property(x => x.IndicatorCode).HasMaxLength(16);
            e.Property(x => x.Comment).HasMaxLength(2000);
            e.Property(x => x.Evidence).HasMaxLength(2000);
            e.Property(x => x.By).HasMaxLength(64);
            e.HasOne<Assessment>().WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<SpotCheckRound>(e =>
        {
            e.Property(x => x.CreatedBy).HasMaxLength(64);
            e.Property(x => x.ClosedBy).HasMaxLength(64);
            e.Ignore(x => x.Period);
            e.HasIndex(x => new { x.RegionId, x.Year, x.Quarter });
            e.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<IndicatorTable>().WithMany().HasForeignKey(x => x.IndicatorTableId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(x => db.Access.Unrestricted || db.Access.RegionIds.Contains(x.RegionId));
        });
        b.Entity<SupervisionNotice>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.UpdatedBy).HasMaxLength(64);
            e.Property(x => x.PublishedBy).HasMaxLength(64);
            e.HasIndex(x => x.RoundId).IsUnique();
            e.HasIndex(x => new { x.PortalSiteId, x.PublishedAt });
            e.HasOne<SpotCheckRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<RectificationOrder>(e =>
        {
            e.Property(x => x.SiteName).HasMaxLength(200);
            e.Property(x => x.IssuedBy).HasMaxLength(64);
            e.Property(x => x.LastCheckVerdict).HasMaxLength(8);
            e.HasIndex(x => new { x.RegionId, x.State });
            e.HasIndex(x => new { x.State, x.DueDate });
            e.HasIndex(x => x.SiteId);
            e.HasIndex(x => x.AssessmentId);
            e.HasOne<MonitoredSite>().WithMany().HasForeignKey(x => x.MonitoredSiteId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(x => db.Access.Unrestricted || db.Access.RegionIds.Contains(x.RegionId)
                                  || (x.SiteId != null && db.Access.SiteIds.Contains(x.SiteId.Value)));
        });
        b.Entity<RectificationResponse>(e =>
        {
            e.Property(x => x.Text).HasMaxLength(4000);
            e.Property(x => x.Evidence).HasMaxLength(2000);
            e.Property(x => x.By).HasMaxLength(64);
            e.HasOne<RectificationOrder>().WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<RectificationAlert>(e =>
        {
            e.HasIndex(x => new { x.OrderId, x.Kind, x.DueDate }).IsUnique();
            e.HasOne<RectificationOrder>().WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<AccountabilityRecord>(e =>
        {
            e.Property(x => x.UnitName).HasMaxLength(200);
            e.Property(x => x.PersonName).HasMaxLength(50);
            e.Property(x => x.PersonPost).HasMaxLength(100);
            e.Property(x => x.Finding).HasMaxLength(2000);
            e.Property(x => x.DecidedBy).HasMaxLength(200);
            e.Property(x => x.CreatedBy).HasMaxLength(64);
            e.HasIndex(x => new { x.RegionId, x.Date });
            e.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(x => db.Access.Unrestricted || db.Access.RegionIds.Contains(x.RegionId));
        });
        b.Entity<SiteApplication>(e =>
        {
            e.Property(x => x.Code).HasMaxLength(20);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.Property(x => x.AppliedBy).HasMaxLength(64);
            e.Property(x => x.DecidedBy).HasMaxLength(64);
            e.Property(x => x.Comment).HasMaxLength(2000);
            e.HasIndex(x => new { x.RegionId, x.Status });
            e.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<SiteLifecycleEvent>(e =>
        {
            e.Property(x => x.By).HasMaxLength(64);
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.HasIndex(x => x.SiteId);
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<SiteNotice>(e =>
        {
            e.HasKey(x => x.SiteId);
            e.Property(x => x.Reason).HasMaxLength(500);
            e.Property(x => x.Text).HasMaxLength(4000);
            e.Property(x => x.SuccessorName).HasMaxLength(200);
            e.Property(x => x.SuccessorUrl).HasMaxLength(2000);
            e.HasOne<Site>().WithOne().HasForeignKey<SiteNotice>(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<SiteMigration>(e =>
        {
            e.Property(x => x.CreatedBy).HasMaxLength(64);
            e.Property(x => x.CompletedBy).HasMaxLength(64);
            e.HasIndex(x => x.SourceSiteId);
            e.HasIndex(x => x.TargetSiteId);
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SourceSiteId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.TargetSiteId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<UrlMapping>(e =>
        {
            e.Property(x => x.OldPath).HasMaxLength(500);
            e.Property(x => x.NewUrl).HasMaxLength(2000);
            e.Property(x => x.Kind).HasMaxLength(16);
            e.HasIndex(x => new { x.MigrationId, x.OldPath }).IsUnique();
            e.HasOne<SiteMigration>().WithMany().HasForeignKey(x => x.MigrationId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<MigrationProofEntry>(e =>
        {
            e.Property(x => x.Kind).HasMaxLength(16);
            e.Property(x => x.Title).HasMaxLength(500);
            e.Property(x => x.OldAddress).HasMaxLength(2000);
            e.Property(x => x.NewAddress).HasMaxLength(2000);
            e.Property(x => x.OldHash).HasMaxLength(64);
            e.Property(x => x.NewHash).HasMaxLength(64);
            e.HasIndex(x => x.MigrationId);
            e.HasOne<SiteMigration>().WithMany().HasForeignKey(x => x.MigrationId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<CounterfeitCase>(e =>
        {
            e.Property(x => x.Host).HasMaxLength(253);
            e.Property(x => x.Url).HasMaxLength(2000);
            e.Property(x => x.Description).HasMaxLength(4000);
            e.Property(x => x.ReportedBy).HasMaxLength(64);
            e.HasIndex(x => new { x.RegionId, x.Status });
            e.HasIndex(x => x.Host);
            e.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(x => db.Access.Unrestricted || db.Access.RegionIds.Contains(x.RegionId));
        });
        b.Entity<CounterfeitEvidence>(e =>
        {
            e.Property(x => x.Kind).HasMaxLength(16);
            e.Property(x => x.By).HasMaxLength(64);
            e.HasOne<CounterfeitCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<CounterfeitStep>(e =>
        {
            e.Property(x => x.Note).HasMaxLength(2000);
            e.Property(x => x.By).HasMaxLength(64);
            e.HasOne<CounterfeitCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<NewMediaAccount>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.AccountId).HasMaxLength(100);
            e.Property(x => x.Operator).HasMaxLength(200);
            e.HasIndex(x => x.RegionId);
            e.HasIndex(x => new { x.Platform, x.AccountId }).IsUnique();
            e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(x => db.Access.Unrestricted || db.Access.RegionIds.Contains(x.RegionId)
                                  || (x.SiteId != null && db.Access.SiteIds.Contains(x.SiteId.Value)));
        });
        b.Entity<NewMediaFigures>(e =>
        {
            e.Property(x => x.RecordedBy).HasMaxLength(64);
            e.HasIndex(x => new { x.AccountId, x.AsOf }).IsUnique();
            e.HasOne<NewMediaAccount>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<LanguageVersion>(e =>
        {
            e.Property(x => x.Language).HasMaxLength(16);
            e.HasIndex(x => new { x.SiteId, x.Language }).IsUnique();
            e.HasIndex(x => x.VersionSiteId);
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.VersionSiteId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<TranslationLink>(e =>
        {
            e.Property(x => x.FlaggedBy).HasMaxLength(64);
            e.HasIndex(x => new { x.LanguageVersionId, x.ItemId }).IsUnique();
            e.HasIndex(x => x.ItemId);
            e.HasIndex(x => x.CounterpartItemId);
            e.HasOne<LanguageVersion>().WithMany().HasForeignKey(x => x.LanguageVersionId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Publishing.Library.LibraryItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Publishing.Library.LibraryItem>().WithMany().HasForeignKey(x => x.CounterpartItemId).OnDelete(DeleteBehavior.SetNull);
        });
    }
}
