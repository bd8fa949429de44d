namespace GovSite.Monitoring;

/// <summary>Options for one check of one site.</summary>
/// <param name="AsOf">The date freshness is judged against.</param>
/// <param name="MaxPages">Upper bound on pages fetched from the site.</param>
/// <param name="AvailabilityProbes">Homepage probes in a one-shot check.</param>
public sealed record CheckOptions(DateOnly AsOf, int MaxPages = 2000, int AvailabilityProbes = 3)
{
    public CheckRules Rules { get; init; } = CheckRules.Default;

    /// <summary>Extra terms for the serious-error dictionary (the platform adds every organisation name in its registry).</summary>
    public IReadOnlyList<string> ExtraTerms { get; init; } = [];

    /// <summary>Portal or department when the caller knows (the platform does for hosted sites); else read from the site's name.</summary>
    public SiteKind? Kind { get; init; }

    /// <summary>
    /// Whether links off the site are checked (one hop each). The command line checks them; the
    /// platform only for sites where that is turned on, and always for <see cref="AllowedHosts"/>.
    /// </summary>
    public bool ExternalLinks { get; init; } = true;

    /// <summary>Off-site hosts checked even when <see cref="ExternalLinks"/> is off.</summary>
    public IReadOnlySet<string> AllowedHosts { get; init; } = new HashSet<string>();
}

/// <summary>
/// Crawls a government site and judges it against the national indicators. A seam: the
/// command line, the scheduled monitor and the tests all use the same implementation.
/// </summary>
public interface ISiteChecker
{
    Task<SiteReport> CheckAsync(string url, CheckOptions options, IProgress<string>? progress, CancellationToken ct);
}
