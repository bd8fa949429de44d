using GovSite.Data;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Monitoring.Platform;

/// <summary>
/// A government site a supervisor watches: hosted here (<see cref="SiteId"/> set, registered
/// automatically) or anywhere else (registered by URL or from a CSV file).
/// </summary>
public class MonitoredSite
{
    public int Id { get; set; }

    /// <summary>Homepage URL, absolute, http or https.</summary>
    public string Url { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>The region whose supervisors see this site.</summary>
    public int RegionId { get; set; }
    public Region? Region { get; set; }

    /// <summary>The hosted site, when the site runs on this platform.</summary>
    public int? SiteId { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>
    /// Whether the check follows the site's links off the platform (one hop each). Off for hosted
    /// sites unless turned on, on for external sites a supervisor adds: no surprise traffic.
    /// </summary>
    public bool CheckExternalLinks { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }

    /// <summary>Copied from the newest run so a region's dashboard is one query.</summary>
    public DateTime? LastCheckedAt { get; set; }
    public string? LastVerdict { get; set; }
    public double? LastScore { get; set; }
}

/// <summary>One scheduled (or requested) check of one site, with its whole report.</summary>
public class CheckRun
{
    public int Id { get; set; }
    public int MonitoredSiteId { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime FinishedAt { get; set; }
    public DateOnly AsOf { get; set; }

    /// <summary>"pass", "fail", or "error" when the check itself could not run.</summary>
    public string Verdict { get; set; } = "";
    public double? Score { get; set; }

    /// <summary>Veto codes, comma-separated, for counting without reading the report.</summary>
    public string VetoCodes { get; set; } = "";
    public int VetoCount { get; set; }
    public int FindingCount { get; set; }
    public int BrokenLinkCount { get; set; }
    public int ColumnCount { get; set; }
    public int StaleColumnCount { get; set; }
    public int ProbeCount { get; set; }
    public int ProbeFailures { get; set; }

    /// <summary>The <see cref="SiteReport"/> as JSON (the published contract of CheckReport.cs).</summary>
    public string Report { get; set; } = "";
    public string? Error { get; set; }

    /// <summary>Who asked for this run outside the daily schedule ("assessment:12", "rectification:3"); null for the daily check.</summary>
    public string? RequestedFor { get; set; }
}

/// <summary>One availability probe of a homepage.</summary>
public class AvailabilityProbe
{
    public long Id { get; set; }
    public int MonitoredSiteId { get; set; }
    public DateTime At { get; set; }

    /// <summary>Loaded completely with a 2xx status within the time limit.</summary>
    public bool Ok { get; set; }
    public int? StatusCode { get; set; }
    public int Milliseconds { get; set; }
    public string? Error { get; set; }

    /// <summary>The probe as the availability rule reads it (<see cref="Availability.EvaluateWeek(IEnumerable{ProbeResult}, DateTimeOffset)"/>).</summary>
    public static ProbeResult ToResult(DateTime atUtc, bool ok, int milliseconds) =>
        new(new DateTimeOffset(DateTime.SpecifyKind(atUtc, DateTimeKind.Utc)), ok, TimeSpan.FromMilliseconds(milliseconds));
}

/// <summary>A saved change to a hosted site's article, recorded through IArticleObserver.</summary>
public class PublishEvent
{
    public long Id { get; set; }
    public int SiteId { get; set; }
    public int ArticleId { get; set; }
    public DateTime RecordedAt { get; set; }

    /// <summary>When the change shows on public pages: the later of the save and the publish time.</summary>
    public DateTime EffectiveAt { get; set; }
    public string Status { get; set; } = "";
}

/// <summary>The hash of one public page's main content, as last seen with a publish event behind it.</summary>
public class PageBaseline
{
    public int Id { get; set; }
    public int MonitoredSiteId { get; set; }

    /// <summary>Path under the site, e.g. "/" or "/articles/12".</summary>
    public string Path { get; set; } = "";

    /// <summary>For an article page, the article; listing pages change with any article of the site.</summary>
    public int? ArticleId { get; set; }
    public string Hash { get; set; } = "";
    public DateTime TakenAt { get; set; }
    public DateTime CheckedAt { get; set; }
}

/// <summary>A public page whose content changed with no publish event behind it (possible tampering).</summary>
public class TamperAlert
{
    public int Id { get; set; }
    public int MonitoredSiteId { get; set; }
    public string Path { get; set; } = "";
    public int? ArticleId { get; set; }
    public DateTime DetectedAt { get; set; }
    public DateTime BaselineAt { get; set; }
    public string OldHash { get; set; } = "";
    public string NewHash { get; set; } = "";

    /// <summary>Text of the changed main content, cut short, so a person can judge it.</summary>
    public string? Excerpt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
}

public static class MonitoringModel
{
    public static void ConfigureModel(ModelBuilder b, GovSiteDb db)
    {
        b.Entity<MonitoredSite>(e =>
        {
            e.Property(x => x.Url).HasMaxLength(2000);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.LastVerdict).HasMaxLength(8);
            e.Property(x => x.CreatedBy).HasMaxLength(64);
            e.HasIndex(x => x.Url).IsUnique();
            e.HasIndex(x => x.SiteId).IsUnique();
            e.HasIndex(x => x.RegionId);
            e.HasOne(x => x.Region).WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
            // Supervisors see their regions' sites; a hosted site's own people see that site.
            // Run history, probes and alerts are always read through a visible MonitoredSite.
            e.HasQueryFilter(m => db.Access.Unrestricted || db.Access.RegionIds.Contains(m.RegionId) ||
                                  (m.SiteId != null && db.Access.SiteIds.Contains(m.SiteId.Value)));
        });
        b.Entity<CheckRun>(e =>
        {
            e.Property(x => x.Verdict).HasMaxLength(8);
            e.Property(x => x.VetoCodes).HasMaxLength(400);
            e.Property(x => x.RequestedFor).HasMaxLength(100);
            e.HasIndex(x => new { x.MonitoredSiteId, x.StartedAt });
            e.HasOne<MonitoredSite>().WithMany().HasForeignKey(x => x.MonitoredSiteId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<AvailabilityProbe>(e =>
        {
            e.HasIndex(x => new { x.MonitoredSiteId, x.At });
            e.HasOne<MonitoredSite>().WithMany().HasForeignKey(x => x.MonitoredSiteId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<PublishEvent>(e =>
        {
            e.Property(x => x.Status).HasMaxLength(32);
            e.HasIndex(x => new { x.SiteId, x.EffectiveAt });
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<PageBaseline>(e =>
        {
            e.Property(x => x.Path).HasMaxLength(500);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.HasIndex(x => new { x.MonitoredSiteId, x.Path }).IsUnique();
            e.HasOne<MonitoredSite>().WithMany().HasForeignKey(x => x.MonitoredSiteId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<TamperAlert>(e =>
        {
            e.Property(x => x.Path).HasMaxLength(500);
            e.Property(x => x.OldHash).HasMaxLength(64);
            e.Property(x => x.NewHash).HasMaxLength(64);
            e.Property(x => x.ResolvedBy).HasMaxLength(64);
            e.HasIndex(x => new { x.MonitoredSiteId, x.DetectedAt });
            e.HasOne<MonitoredSite>().WithMany().HasForeignKey(x => x.MonitoredSiteId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
