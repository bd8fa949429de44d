namespace GovSite.Supervision;

/// <summary>
/// 考评表: one site's score sheet for a period, from the checker's run (its evidence), inspectors'
/// reviews and entries, and one version of the indicator table. A spot-check round's sample is a
/// sheet with <see cref="RoundId"/> set.
/// </summary>
public class Assessment
{
    public int Id { get; set; }

    /// <summary>The watched site (hosted or external): the checker runs on it.</summary>
    public int MonitoredSiteId { get; set; }

    /// <summary>The hosted site, when it runs on this platform.</summary>
    public int? SiteId { get; set; }
    public int RegionId { get; set; }
    public int? RoundId { get; set; }

    /// <summary>"2026Q3".</summary>
    public string Period { get; set; } = "";
    public int IndicatorTableId { get; set; }

    /// <summary>The checker's run whose report is the evidence; null until it has run.</summary>
    public int? CheckRunId { get; set; }

    /// <summary>The sampling stratum (level and type, e.g. "County/Department").</summary>
    public string Stratum { get; set; } = "";

    /// <summary>Chosen first because it was not sampled in the last three quarters.</summary>
    public bool Favoured { get; set; }
    public bool Portal { get; set; }

    /// <summary>A department without external services (scored without 办事服务); null: read from the report.</summary>
    public bool? WithoutServices { get; set; }
    public AssessmentStatus Status { get; set; }

    /// <summary>Copied from the computed sheet for listing; the sheet itself is recomputed from the evidence.</summary>
    public string? Verdict { get; set; }
    public double? Score { get; set; }
    public string? VetoCodes { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SignedAt { get; set; }
    public string? SignedBy { get; set; }
}

public enum AssessmentStatus
{
    /// <summary>Waiting for the checker.</summary>
    Waiting,

    /// <summary>Checked; inspectors review it.</summary>
    Checked,

    /// <summary>Signed by an inspector: final.</summary>
    Confirmed,
}

/// <summary>An inspector's decision on one veto or finding of the checker (upheld or overturned), with a comment.</summary>
public class AssessmentReview
{
    public int Id { get; set; }
    public int AssessmentId { get; set; }

    /// <summary>"veto:0", "finding:3": the position in the run's report.</summary>
    public string EvidenceKey { get; set; } = "";
    public bool Upheld { get; set; }
    public string Comment { get; set; } = "";
    public string By { get; set; } = "";
    public DateTime At { get; set; }
}

/// <summary>A finding the checker cannot see, or the judgement of a person-judged indicator.</summary>
public class AssessmentEntry
{
    public int Id { get; set; }
    public int AssessmentId { get; set; }
    public string IndicatorCode { get; set; } = "";
    public double Points { get; set; }
    public bool Veto { get; set; }
    public string Comment { get; set; } = "";

    /// <summary>Where it can be seen: an address, a screenshot's description, a document.</summary>
    public string? Evidence { get; set; }
    public string By { get; set; } = "";
    public DateTime At { get; set; }
}

/// <summary>抽查: a quarter's random sample of the running sites of a region (or of a list), with its seed.</summary>
public class SpotCheckRound
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }

    /// <summary>The share of running sites to sample (0.3 by default); each stratum gets at least this share.</summary>
    public double Ratio { get; set; }

    /// <summary>The seed of System.Random that drew the sample: the same sites and seed draw it again.</summary>
    public int Seed { get; set; }

    /// <summary>Null for the region and everything under it; else the listed sites' codes or addresses, one a line.</summary>
    public string? SiteList { get; set; }

    /// <summary>Sites running in scope when sampled.</summary>
    public int SitesRunning { get; set; }
    public int IndicatorTableId { get; set; }
    public RoundStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }

    public string Period => $"{Year}Q{Quarter}";
}

public enum RoundStatus
{
    /// <summary>Sampled; checks and reviews under way.</summary>
    Checking,

    /// <summary>Every sheet signed, rectification orders issued.</summary>
    Closed,
}

/// <summary>通报: the notice of a closed round, drafted by GovSite, edited by the supervisor, published on the portal.</summary>
public class SupervisionNotice
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public string Title { get; set; } = "";

    /// <summary>Sanitised HTML.</summary>
    public string Body { get; set; } = "";

    /// <summary>The figures as drafted (JSON of <see cref="RoundFigures"/>), kept with the notice.</summary>
    public string Figures { get; set; } = "{}";

    /// <summary>The portal it is published on (the region's portal).</summary>
    public int? PortalSiteId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTime? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }

    /// <summary>The PDF made by Chromium when it was published, kept as published.</summary>
    public byte[]? Pdf { get; set; }
}

/// <summary>整改: an order to a failing site to fix its findings by a date counted in working days.</summary>
public class RectificationOrder
{
    public int Id { get; set; }
    public int MonitoredSiteId { get; set; }
    public int? SiteId { get; set; }
    public int RegionId { get; set; }
    public int? AssessmentId { get; set; }
    public int? RoundId { get; set; }
    public string SiteName { get; set; } = "";

    /// <summary>The findings to fix, one a line.</summary>
    public string Findings { get; set; } = "";
    public DateTime IssuedAt { get; set; }
    public string IssuedBy { get; set; } = "";
    public int WorkingDays { get; set; }

    /// <summary>The last day: the order is late after the end of that day in China time.</summary>
    public DateOnly DueDate { get; set; }
    public RectificationState State { get; set; }
    public DateTime? ClosedAt { get; set; }
    public int Rechecks { get; set; }
    public int? LastCheckRunId { get; set; }
    public string? LastCheckVerdict { get; set; }
    public DateTime? LastCheckedAt { get; set; }
}

public enum RectificationState
{
    /// <summary>Issued; the site works on it.</summary>
    Open,

    /// <summary>The site answered; the re-check runs.</summary>
    Submitted,

    /// <summary>The re-check passed.</summary>
    Closed,
}

/// <summary>The site's answer to an order: what it changed, and the evidence.</summary>
public class RectificationResponse
{
    public int Id { get; set; }
    public int OrderId { get; set; }
    public string Text { get; set; } = "";
    public string? Evidence { get; set; }
    public string By { get; set; } = "";
    public DateTime At { get; set; }
}

/// <summary>A reminder or escalation of an order, once per (order, kind, due date) however many nodes sweep.</summary>
public class RectificationAlert
{
    public int Id { get; set; }
    public int OrderId { get; set; }
    public Interaction.AlertKind Kind { get; set; }
    public DateOnly DueDate { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>问责: one decision about a person (or a unit) over a site's problems.</summary>
public class AccountabilityRecord
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public int? SiteId { get; set; }
    public int? OrganisationId { get; set; }
    public string UnitName { get; set; } = "";

    /// <summary>Null for a decision about the unit itself.</summary>
    public string? PersonName { get; set; }
    public string? PersonPost { get; set; }
    public DateOnly Date { get; set; }
    public string Finding { get; set; } = "";
    public AccountabilityForm Form { get; set; }
    public string DecidedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}

/// <summary>The forms, lightest first: the order decides which one a person counts under.</summary>
public enum AccountabilityForm
{
    /// <summary>其他</summary>
    Other,

    /// <summary>约谈</summary>
    Talk,

    /// <summary>书面检查</summary>
    WrittenReview,

    /// <summary>通报批评</summary>
    Criticism,

    /// <summary>警告或记过处分</summary>
    Warning,

    /// <summary>调离岗位</summary>
    Transfer,

    /// <summary>免职</summary>
    Removal,

    /// <summary>辞退</summary>
    Dismissal,
}

/// <summary>An application to open a site, by its host unit, decided by the competent unit's supervisor.</summary>
public class SiteApplication
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>The proposed registry entry (JSON of <see cref="Sites.SiteInput"/>).</summary>
    public string Details { get; set; } = "{}";
    public string? Reason { get; set; }
    public ApplicationStatus Status { get; set; }
    public DateTime AppliedAt { get; set; }
    public string AppliedBy { get; set; } = "";
    public DateTime? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public string? Comment { get; set; }
    public int? SiteId { get; set; }
}

public enum ApplicationStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>One step of a site's life (开办、上线、临时下线、迁移、关停), who took it and why.</summary>
public class SiteLifecycleEvent
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public Sites.SiteStatus From { get; set; }
    public Sites.SiteStatus To { get; set; }
    public DateTime At { get; set; }
    public string By { get; set; } = "";
    public string? Reason { get; set; }
}

/// <summary>
/// What a temporarily offline or closed site shows instead of its pages: the reason, where its
/// content went (the successor), and until when the notice must at least stay.
/// </summary>
public class SiteNotice
{
    public int SiteId { get; set; }
    public SiteNoticeKind Kind { get; set; }
    public string Reason { get; set; } = "";
    public string Text { get; set; } = "";
    public int? SuccessorSiteId { get; set; }
    public string? SuccessorName { get; set; }
    public string? SuccessorUrl { get; set; }
    public DateTime Since { get; set; }

    /// <summary>Offline: the expected day back, if known.</summary>
    public DateOnly? ExpectedBack { get; set; }

    /// <summary>Closed: the notice stays at least until the end of this day (30 days by default).</summary>
    public DateOnly? NoticeUntil { get; set; }
}

public enum SiteNoticeKind
{
    Offline,
    Closed,
}

/// <summary>迁移/整合: a site's content moved into another site, with its URL map and its proof.</summary>
public class SiteMigration
{
    public int Id { get; set; }
    public int SourceSiteId { get; set; }
    public int TargetSiteId { get; set; }
    public MigrationKind Kind { get; set; }
    public MigrationStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? CompletedAt { get; set; }
    public string? CompletedBy { get; set; }
}

public enum MigrationKind
{
    /// <summary>迁移: the site moves (a new domain or platform), the old one closes.</summary>
    Migration,

    /// <summary>整合: the site is merged into another (a county department into the county portal).</summary>
    Integration,
}

public enum MigrationStatus
{
    /// <summary>The URL map is being prepared; the old site still runs.</summary>
    Planning,

    /// <summary>Content moved, proof made, the old site answers with redirects and its notice.</summary>
    Done,
}

/// <summary>One old address and its new place (null: 410 with a link to the successor).</summary>
public class UrlMapping
{
    public int Id { get; set; }
    public int MigrationId { get; set; }

    /// <summary>Path on the old site, e.g. "/articles/12".</summary>
    public string OldPath { get; set; } = "";

    /// <summary>Absolute address on the new site, or null when the page has no new place.</summary>
    public string? NewUrl { get; set; }

    /// <summary>home, column, article, file, other.</summary>
    public string Kind { get; set; } = "";
    public int? SourceId { get; set; }

    /// <summary>Changed by hand or imported: generation leaves it alone.</summary>
    public bool Edited { get; set; }
}

/// <summary>One line of the proof that nothing was lost: an item, attachment or placement of the old site, its new address and hashes.</summary>
public class MigrationProofEntry
{
    public int Id { get; set; }
    public int MigrationId { get; set; }

    /// <summary>item, placement, attachment.</summary>
    public string Kind { get; set; } = "";
    public int SourceId { get; set; }
    public string Title { get; set; } = "";
    public string OldAddress { get; set; } = "";
    public string? NewAddress { get; set; }
    public string OldHash { get; set; } = "";
    public string? NewHash { get; set; }
    public bool Match { get; set; }
}

/// <summary>假冒政府网站: a reported or found counterfeit of a government site, with its evidence and handling.</summary>
public class CounterfeitCase
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public int? ImitatedSiteId { get; set; }

    /// <summary>The counterfeit's host name (Unicode, lower case).</summary>
    public string Host { get; set; } = "";
    public string? Url { get; set; }
    public CounterfeitSource Source { get; set; }
    public CounterfeitStatus Status { get; set; }
    public string Description { get; set; } = "";
    public DateTime ReportedAt { get; set; }
    public string ReportedBy { get; set; } = "";

    /// <summary>The 找错 report it came from, when the public reported it (ErrorReports, issue 17).</summary>
    public int? ErrorReportId { get; set; }
    public DateTime? ClosedAt { get; set; }
}

public enum CounterfeitSource
{
    /// <summary>Reported by the public through the 找错 form.</summary>
    Public,

    /// <summary>Reported by staff.</summary>
    Staff,

    /// <summary>Found by checking a look-alike name.</summary>
    LookAlikeCheck,
}

public enum CounterfeitStatus
{
    Open,

    /// <summary>Reported to 网信 and/or 公安.</summary>
    Reported,

    /// <summary>Taken down (关停).</summary>
    ShutDown,

    /// <summary>Announced and closed (公告).</summary>
    Closed,
}

public class CounterfeitEvidence
{
    public int Id { get; set; }
    public int CaseId { get; set; }

    /// <summary>resolution, page, text.</summary>
    public string Kind { get; set; } = "";
    public string Content { get; set; } = "";
    public DateTime At { get; set; }
    public string By { get; set; } = "";
}

public class CounterfeitStep
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public CounterfeitStepKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public string? Note { get; set; }
    public string By { get; set; } = "";
    public DateTime RecordedAt { get; set; }
}

public enum CounterfeitStepKind
{
    /// <summary>报告网信部门</summary>
    ReportCyberspace,

    /// <summary>报告公安机关</summary>
    ReportPolice,

    /// <summary>关停</summary>
    ShutDown,

    /// <summary>发布公告</summary>
    Announce,

    /// <summary>其他</summary>
    Other,
}

/// <summary>政务新媒体: an organisation's account on Weibo, WeChat, Douyin or elsewhere, with its latest figures.</summary>
public class NewMediaAccount
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int RegionId { get; set; }
    public int? SiteId { get; set; }
    public string Name { get; set; } = "";
    public NewMediaPlatform Platform { get; set; }

    /// <summary>The platform's account id (微信号, 微博 uid …).</summary>
    public string AccountId { get; set; } = "";
    public string? Operator { get; set; }
    public NewMediaStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int? Posts { get; set; }
    public int? Followers { get; set; }
    public DateOnly? LastPostDate { get; set; }
    public DateOnly? FiguresAsOf { get; set; }
}

public enum NewMediaPlatform
{
    Weibo,
    WeChat,
    Douyin,
    Toutiao,
    Kuaishou,
    Other,
}

public enum NewMediaStatus
{
    /// <summary>开设: opened, not yet approved.</summary>
    Opened,

    /// <summary>审核通过/备案</summary>
    Approved,

    /// <summary>关停</summary>
    Closed,
}

/// <summary>The figures of an account as of a day (entered by hand or imported): the history annual reports read.</summary>
public class NewMediaFigures
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public DateOnly AsOf { get; set; }
    public int Posts { get; set; }
    public int Followers { get; set; }
    public DateOnly? LastPostDate { get; set; }
    public DateTime RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
}

/// <summary>A site's version in another language (an English site), itself a site on the platform.</summary>
public class LanguageVersion
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public int VersionSiteId { get; set; }

    /// <summary>BCP 47, e.g. "en".</summary>
    public string Language { get; set; } = "";
}

/// <summary>A Chinese item flagged for translation, and its counterpart in the language version once there is one.</summary>
public class TranslationLink
{
    public int Id { get; set; }
    public int LanguageVersionId { get; set; }
    public int ItemId { get; set; }
    public int? CounterpartItemId { get; set; }
    public DateTime FlaggedAt { get; set; }
    public string FlaggedBy { get; set; } = "";
}
