using GovSite.Interaction;

namespace GovSite.Disclosure;

/// <summary>Configurable defaults of disclosure work (section "Disclosure").</summary>
public sealed class DisclosureOptions
{
    public ClockRules Clock { get; set; } = new();

    /// <summary>A reminder this many working days (or fewer) before a request's deadline.</summary>
    public int ReminderWorkingDays { get; set; } = 3;

    /// <summary>Overdue by this many working days: escalated to the supervising office as well.</summary>
    public int SupervisorAfterWorkingDays { get; set; } = 3;

    public int RequestsPerIpPerHour { get; set; } = 20;

    /// <summary>Largest ID or licence image (PNG, JPEG or PDF).</summary>
    public long MaxIdImageBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>主动公开: information formed or changed is published within this many working days.</summary>
    public int ProactiveWorkingDays { get; set; } = 20;

    /// <summary>Catalogue pages beyond this are not served: narrow by category or search instead.</summary>
    public int CatalogueMaxPages { get; set; } = 500;

    /// <summary>Rows in one catalogue export.</summary>
    public int CatalogueExportRows { get; set; } = 100_000;

    public DeadlinePolicy Policy => new(ReminderWorkingDays, SupervisorAfterWorkingDays);
}
