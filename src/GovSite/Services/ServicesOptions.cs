namespace GovSite.Services;

/// <summary>Settings of the services feature (section "Services"; the hall hosts also from GOVSITE_SERVICE_HALL_HOSTS).</summary>
public sealed class ServicesOptions
{
    public const string HallHttpClient = "service-hall";
    public const string ImportHttpClient = "service-import";

    /// <summary>
    /// Hosts of the online service hall whose links GovSite may check ("zwfw.example.gov.cn",
    /// "127.0.0.1:5999"). Empty by default: a fresh install contacts nothing outside the machine,
    /// and links to other hosts are reported as not checked rather than as working.
    /// </summary>
    public HashSet<string> HallHosts { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A hall link slower than this is broken: a citizen would give up too.</summary>
    public TimeSpan HallLinkTimeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Hall links are checked again after this long.</summary>
    public TimeSpan HallRecheckAfter { get; set; } = TimeSpan.FromHours(20);

    public int RatingsPerAddressPerHour { get; set; } = 20;

    /// <summary>The largest export an import reads.</summary>
    public long ImportMaxBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>How often the scheduler looks for imports that are due.</summary>
    public TimeSpan SchedulerInterval { get; set; } = TimeSpan.FromMinutes(1);

    public bool MayCheck(Uri url) => HallHosts.Contains(url.Authority) || HallHosts.Contains(url.Host);
}
