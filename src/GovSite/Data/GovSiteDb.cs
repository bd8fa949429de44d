using GovSite.Accounts;
using GovSite.Interaction.Participation;
using GovSite.Publishing;
using GovSite.Search;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GovSite.Data;

public class GovSiteDb(DbContextOptions<GovSiteDb> options, SiteAccess access) : DbContext(options)
{
    // Read by the query filters; EF turns these into parameters per query.
    internal SiteAccess Access { get; } = access;

    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<SiteDomain> SiteDomains => Set<SiteDomain>();
    public DbSet<Column> Columns => Set<Column>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Publishing.Library.LibraryItem> LibraryItems => Set<Publishing.Library.LibraryItem>();
    public DbSet<Publishing.Library.ItemVersion> ItemVersions => Set<Publishing.Library.ItemVersion>();
    public DbSet<Publishing.Library.ItemTransition> ItemTransitions => Set<Publishing.Library.ItemTransition>();
    public DbSet<Publishing.Library.PlacementRequest> PlacementRequests => Set<Publishing.Library.PlacementRequest>();
    public DbSet<Publishing.Library.ColumnSubscription> ColumnSubscriptions => Set<Publishing.Library.ColumnSubscription>();
    public DbSet<Publishing.Library.ReprintOrder> ReprintOrders => Set<Publishing.Library.ReprintOrder>();
    public DbSet<Publishing.Library.PublishingSettings> PublishingSettings => Set<Publishing.Library.PublishingSettings>();
    public DbSet<Publishing.Library.IndexNumberCounter> IndexNumberCounters => Set<Publishing.Library.IndexNumberCounter>();
    public DbSet<Publishing.Library.Classification> Classifications => Set<Publishing.Library.Classification>();
    public DbSet<Publishing.Files.StoredFile> StoredFiles => Set<Publishing.Files.StoredFile>();
    public DbSet<User> Users => Set<User>();
    public DbSet<RoleGrant> RoleGrants => Set<RoleGrant>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<Monitoring.Platform.MonitoredSite> MonitoredSites => Set<Monitoring.Platform.MonitoredSite>();
    public DbSet<Monitoring.Platform.CheckRun> CheckRuns => Set<Monitoring.Platform.CheckRun>();
    public DbSet<Monitoring.Platform.AvailabilityProbe> ProbeResults => Set<Monitoring.Platform.AvailabilityProbe>();
    public DbSet<Monitoring.Platform.PublishEvent> PublishEvents => Set<Monitoring.Platform.PublishEvent>();
    public DbSet<Monitoring.Platform.PageBaseline> PageBaselines => Set<Monitoring.Platform.PageBaseline>();
    public DbSet<Monitoring.Platform.TamperAlert> TamperAlerts => Set<Monitoring.Platform.TamperAlert>();
    public DbSet<Calendar.CalendarDay> CalendarDays => Set<Calendar.CalendarDay>();
    public DbSet<Interaction.MessageChannel> MessageChannels => Set<Interaction.MessageChannel>();
    public DbSet<Interaction.Message> Messages => Set<Interaction.Message>();
    public DbSet<Interaction.MessageAlert> MessageAlerts => Set<Interaction.MessageAlert>();
    public DbSet<Interaction.DeadlineAlert> DeadlineAlerts => Set<Interaction.DeadlineAlert>();
    public DbSet<Interaction.FaqEntry> FaqEntries => Set<Interaction.FaqEntry>();
    public DbSet<Disclosure.InformationRequest> InformationRequests => Set<Disclosure.InformationRequest>();
    public DbSet<Disclosure.RequestEvent> RequestEvents => Set<Disclosure.RequestEvent>();
    public DbSet<Disclosure.RequestLetter> RequestLetters => Set<Disclosure.RequestLetter>();
    public DbSet<Disclosure.DisclosureGuide> DisclosureGuides => Set<Disclosure.DisclosureGuide>();
    public DbSet<Disclosure.StatutoryCategory> StatutoryCategories => Set<Disclosure.StatutoryCategory>();
    public DbSet<Disclosure.DisclosureReport> DisclosureReports => Set<Disclosure.DisclosureReport>();
    public DbSet<ErrorReports.ErrorReport> ErrorReports => Set<ErrorReports.ErrorReport>();
    public DbSet<ErrorReports.ErrorReportSettings> ErrorReportSettings => Set<ErrorReports.ErrorReportSettings>();
    public DbSet<Consultation> Consultations => Set<Consultation>();
    public DbSet<ConsultationComment> ConsultationComments => Set<ConsultationComment>();
    public DbSet<Survey> Surveys => Set<Survey>();
    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();
    public DbSet<Interview> Interviews => Set<Interview>();
    public DbSet<InterviewQuestion> InterviewQuestions => Set<InterviewQuestion>();
    public DbSet<SearchDocument> SearchDocuments => Set<SearchDocument>();
    public DbSet<SearchLogEntry> SearchLog => Set<SearchLogEntry>();
    public DbSet<SearchAnswer> SearchAnswers => Set<SearchAnswer>();
    public DbSet<SearchSynonym> SearchSynonyms => Set<SearchSynonym>();
    public DbSet<SearchVisit> SearchVisits => Set<SearchVisit>();
    public DbSet<SearchSalt> SearchSalts => Set<SearchSalt>();
    public DbSet<HotSearchRule> HotSearchRules => Set<HotSearchRule>();
    public DbSet<PublicSite.Themes.SiteTheme> SiteThemes => Set<PublicSite.Themes.SiteTheme>();
    public DbSet<PublicSite.Topics.SpecialTopic> SpecialTopics => Set<PublicSite.Topics.SpecialTopic>();
    public DbSet<PublicSite.Mourning.MourningPeriod> MourningPeriods => Set<PublicSite.Mourning.MourningPeriod>();
    public DbSet<Publishing.Quality.QualityList> QualityLists => Set<Publishing.Quality.QualityList>();
    public DbSet<Publishing.Quality.QualitySettings> QualitySettings => Set<Publishing.Quality.QualitySettings>();
    public DbSet<Publishing.Quality.NearDuplicateEntry> NearDuplicateEntries => Set<Publishing.Quality.NearDuplicateEntry>();
    public DbSet<Publishing.Quality.NearDuplicateBand> NearDuplicateBands => Set<Publishing.Quality.NearDuplicateBand>();
    public DbSet<Publishing.Quality.ExternalLinkStatus> ExternalLinkStatuses => Set<Publishing.Quality.ExternalLinkStatus>();
    public DbSet<Supervision.IndicatorTable> IndicatorTables => Set<Supervision.IndicatorTable>();
    public DbSet<Supervision.Indicator> Indicators => Set<Supervision.Indicator>();
    public DbSet<Supervision.Assessment> Assessments => Set<Supervision.Assessment>();
    public DbSet<Supervision.AssessmentReview> AssessmentReviews => Set<Supervision.AssessmentReview>();
    public DbSet<Supervision.AssessmentEntry> AssessmentEntries => Set<Supervision.AssessmentEntry>();
    public DbSet<Supervision.SpotCheckRound> SpotCheckRounds => Set<Supervision.SpotCheckRound>();
    public DbSet<Supervision.SupervisionNotice> SupervisionNotices => Set<Supervision.SupervisionNotice>();
    public DbSet<Supervision.RectificationOrder> RectificationOrders => Set<Supervision.RectificationOrder>();
    public DbSet<Supervision.RectificationResponse> RectificationResponses => Set<Supervision.RectificationResponse>();
    public DbSet<Supervision.RectificationAlert> RectificationAlerts => Set<Supervision.RectificationAlert>();
    public DbSet<Supervision.AccountabilityRecord> AccountabilityRecords => Set<Supervision.AccountabilityRecord>();
    public DbSet<Supervision.SiteApplication> SiteApplications => Set<Supervision.SiteApplication>();
    public DbSet<Supervision.SiteLifecycleEvent> SiteLifecycleEvents => Set<Supervision.SiteLifecycleEvent>();
    public DbSet<Supervision.SiteNotice> SiteNotices => Set<Supervision.SiteNotice>();
    public DbSet<Supervision.SiteMigration> SiteMigrations => Set<Supervision.SiteMigration>();
    public DbSet<Supervision.UrlMapping> UrlMappings => Set<Supervision.UrlMapping>();
    public DbSet<Supervision.MigrationProofEntry> MigrationProofEntries => Set<Supervision.MigrationProofEntry>();
    public DbSet<Supervision.CounterfeitCase> CounterfeitCases => Set<Supervision.CounterfeitCase>();
    public DbSet<Supervision.CounterfeitEvidence> CounterfeitEvidence => Set<Supervision.CounterfeitEvidence>();
    public DbSet<Supervision.CounterfeitStep> CounterfeitSteps => Set<Supervision.CounterfeitStep>();
    public DbSet<Supervision.NewMediaAccount> NewMediaAccounts => Set<Supervision.NewMediaAccount>();
    public DbSet<Supervision.NewMediaFigures> NewMediaFigures => Set<Supervision.NewMediaFigures>();
    public DbSet<Supervision.LanguageVersion> LanguageVersions => Set<Supervision.LanguageVersion>();
    public DbSet<Supervision.TranslationLink> TranslationLinks => Set<Supervision.TranslationLink>();
    public DbSet<Notifications.Notice> Notices => Set<Notifications.Notice>();
    public DbSet<Notifications.OutboxMessage> OutboxMessages => Set<Notifications.OutboxMessage>();
    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();
    public DbSet<Visits.SiteVisitDay> SiteVisitDays => Set<Visits.SiteVisitDay>();
    public DbSet<Visits.PageVisitDay> PageVisitDays => Set<Visits.PageVisitDay>();
    public DbSet<Visits.VisitFacetDay> VisitFacetDays => Set<Visits.VisitFacetDay>();
    public DbSet<Visits.VisitorMark> VisitorMarks => Set<Visits.VisitorMark>();
    public DbSet<Visits.VisitSalt> VisitSalts => Set<Visits.VisitSalt>();
    public DbSet<GovSite.AnnualReports.AnnualReport> AnnualReports => Set<GovSite.AnnualReports.AnnualReport>();
    public DbSet<GovSite.AnnualReports.SupervisionReport> SupervisionReports => Set<GovSite.AnnualReports.SupervisionReport>();
    public DbSet<Services.ServiceItem> ServiceItems => Set<Services.ServiceItem>();
    public DbSet<Services.ServiceMaterial> ServiceMaterials => Set<Services.ServiceMaterial>();
    public DbSet<Services.ServiceStep> ServiceSteps => Set<Services.ServiceStep>();
    public DbSet<Services.ServiceQuestion> ServiceQuestions => Set<Services.ServiceQuestion>();
    public DbSet<Services.ServiceDocument> ServiceDocuments => Set<Services.ServiceDocument>();
    public DbSet<Services.ServiceRating> ServiceRatings => Set<Services.ServiceRating>();
    public DbSet<Services.ServiceUse> ServiceUses => Set<Services.ServiceUse>();
    public DbSet<Services.ServiceImportSource> ServiceImportSources => Set<Services.ServiceImportSource>();
    public DbSet<Services.ServiceImportRun> ServiceImportRuns => Set<Services.ServiceImportRun>();
    public DbSet<Citizens.Citizen> Citizens => Set<Citizens.Citizen>();
    public DbSet<Citizens.CitizenCode> CitizenCodes => Set<Citizens.CitizenCode>();
    public DbSet<Citizens.SavedEntry> SavedEntries => Set<Citizens.SavedEntry>();
    public DbSet<Citizens.CitizenMessage> CitizenMessages => Set<Citizens.CitizenMessage>();
    public DbSet<Citizens.CitizenRequest> CitizenRequests => Set<Citizens.CitizenRequest>();
    public DbSet<Citizens.CitizenErrorReport> CitizenErrorReports => Set<Citizens.CitizenErrorReport>();
    public DbSet<Citizens.Subscription> Subscriptions => Set<Citizens.Subscription>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums as text: readable in both databases and stable when members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        // SQLite forgets DateTimeKind; every stored time is UTC, so say so on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcConverter>();
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Region>(e =>
        {
            e.HasIndex(x => x.Code).IsUnique();
            e.Property(x => x.Code).HasMaxLength(12);
            e.Property(x => x.Name).HasMaxLength(100);
        });
        b.Entity<Organisation>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(200);
            e.HasOne(x => x.Region).WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Site>(e =>
        {
            e.HasIndex(x => x.Code).IsUnique();
            e.Property(x => x.Code).HasMaxLength(20);
            e.Property(x => x.Name).HasMaxLength(200);
            e.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Region).WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.CompetentUnit).WithMany().HasForeignKey(x => x.CompetentUnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.HostUnit).WithMany().HasForeignKey(x => x.HostUnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.OperatorUnit).WithMany().HasForeignKey(x => x.OperatorUnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Domains).WithOne().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<SiteDomain>(e =>
        {
            e.HasIndex(x => x.Host).IsUnique();
            e.Property(x => x.Host).HasMaxLength(253);
        });
        b.Entity<Column>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(100);
            e.HasIndex(x => new { x.SiteId, x.ParentId });
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Column>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(c => Access.Unrestricted || Access.SiteIds.Contains(c.SiteId) || c.IsVisible);
        });
        b.Entity<Article>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(500);
            e.HasIndex(x => new { x.ColumnId, x.Status, x.PublishedAt });
            e.HasIndex(x => new { x.SiteId, x.Status, x.PublishedAt });
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Column).WithMany().HasForeignKey(x => x.ColumnId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Interprets).WithMany().HasForeignKey(x => x.InterpretsId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(x => x.InterpretsId);
            e.HasIndex(x => x.DocNumber);
            e.HasIndex(x => new { x.SiteId, x.IndexNumber }).IsUnique();
            // 政府信息公开目录: a site's 主动公开 placements in publication order, one index range.
            e.HasIndex(x => new { x.SiteId, x.Disclosure, x.Status, x.PublishedAt });
            // A portal's catalogue spans its departments: newest first over all sites, and per browsing list.
            // Id (the order's tie-break) and SiteId (the portal's scope) close them, so a deep page skips
            // its OFFSET in the index without reading the rows (CatalogueCoveringIndexes); named, as the
            // default names pass PostgreSQL's 63 characters.
            e.HasIndex(x => new { x.Disclosure, x.Status, x.PublishedAt, x.Id, x.SiteId }).HasDatabaseName("IX_Articles_Catalogue");
            e.HasIndex(x => new { x.SubjectCategory, x.Disclosure, x.Status, x.PublishedAt, x.Id, x.SiteId }).HasDatabaseName("IX_Articles_Catalogue_Subject");
            e.HasIndex(x => new { x.GenreClass, x.Disclosure, x.Status, x.PublishedAt, x.Id, x.SiteId }).HasDatabaseName("IX_Articles_Catalogue_Genre");
            e.HasIndex(x => new { x.Issuer, x.Disclosure, x.Status, x.PublishedAt });
            e.Property(x => x.GenreClass).HasMaxLength(100);
            e.HasOne(x => x.Item).WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
            // One item, one place per column, whatever route it arrived by.
            e.HasIndex(x => new { x.ItemId, x.ColumnId }).IsUnique();
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.ReprintedFromSiteId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(x => x.ReprintedFromSiteId);
            e.Ignore(x => x.IsPolicyDocument);
            e.HasQueryFilter(a => Access.Unrestricted || Access.SiteIds.Contains(a.SiteId) || a.Status == ArticleStatus.Published);
        });
        b.Entity<User>(e =>
        {
            e.HasIndex(x => x.UserName).IsUnique();
            e.Property(x => x.UserName).HasMaxLength(64);
            e.Property(x => x.Email).HasMaxLength(254);
            e.Property(x => x.SecurityStamp).HasMaxLength(32);
            e.Property(x => x.SecondFactorSecret).HasMaxLength(1000);
            e.Property(x => x.RecoveryCodeHashes).HasMaxLength(1000);
            e.Ignore(x => x.HasSecondFactor);
            e.HasMany(x => x.Grants).WithOne().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<RoleGrant>(e =>
        {
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Cascade);
        });
        Publishing.Library.LibraryModel.ConfigureModel(b, this);
        Publishing.Files.FilesSetup.ConfigureModel(b);
        Job.ConfigureModel(b);
        Security.RateLimitWindow.ConfigureModel(b);
        Monitoring.Platform.MonitoringModel.ConfigureModel(b, this);
        Calendar.CalendarSetup.ConfigureModel(b);
        Interaction.InteractionSetup.ConfigureModel(b, this);
        ParticipationModel.ConfigureModel(b, this);
        SearchModel.ConfigureModel(b);
        PublicSite.PublicSiteSetup.ConfigureModel(b);
        Publishing.Quality.QualitySetup.ConfigureModel(b);
        Supervision.SupervisionSetup.ConfigureModel(b, this);
        Disclosure.DisclosureSetup.ConfigureModel(b, this);
        GovSite.ErrorReports.ErrorReportsSetup.ConfigureModel(b, this);
        Notifications.NotificationsSetup.ConfigureModel(b, this);
        Audit.AuditSetup.ConfigureModel(b);
        Visits.VisitsSetup.ConfigureModel(b);
        GovSite.AnnualReports.AnnualReportsSetup.ConfigureModel(b);
        Services.ServicesSetup.ConfigureModel(b, this);
        global::GovSite.Citizens.CitizensSetup.ConfigureModel(b, this);
    }

    /// <summary>
    /// Adds a row a unique index allows once (a report per site and year) and saves it; when another
    /// request added the same row first, ours is let go and theirs, found by <paramref name="same"/>, returned.
    /// </summary>
    public async Task<T> AddOnceAsync<T>(T row, System.Linq.Expressions.Expression<Func<T, bool>> same, CancellationToken ct) where T : class
    {
        Set<T>().Add(row);
        try
        {
            await SaveChangesAsync(ct);
            return row;
        }
        catch (DbUpdateException)
        {
            Entry(row).State = EntityState.Detached;
            return await Set<T>().FirstAsync(same, ct);
        }
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
