namespace GovSite.Visits;

/// <summary>
/// Page views and unique visitors of a whole site on one day (China time). Daily aggregates,
/// never a row per view: a year of a busy region is a few hundred thousand rows.
/// </summary>
public sealed class SiteVisitDay
{
    public int SiteId { get; set; }
    public DateOnly Day { get; set; }
    public long Views { get; set; }
    public long Visitors { get; set; }
}

/// <summary>Page views and unique visitors of one page (its path inside the site) on one day.</summary>
public sealed class PageVisitDay
{
    public int SiteId { get; set; }
    public DateOnly Day { get; set; }

    /// <summary>The path inside the site, without query string, at most <see cref="VisitCounter.MaxPathLength"/> characters.</summary>
    public string Path { get; set; } = "";

    /// <summary>The column the page belongs to (a column page or an article in it), as the page said.</summary>
    public int? ColumnId { get; set; }

    public long Views { get; set; }
    public long Visitors { get; set; }
}

public enum VisitFacet
{
    /// <summary>The referring host ("直接访问" when none, "站内" from the site itself).</summary>
    Referrer,
    Device,
}

/// <summary>Page views of a site on one day by referrer or by device.</summary>
public sealed class VisitFacetDay
{
    public int SiteId { get; set; }
    public DateOnly Day { get; set; }
    public VisitFacet Facet { get; set; }
    public string Value { get; set; } = "";
    public long Views { get; set; }
}

/// <summary>
/// "This visitor was already counted today" (for the site, and for each page): a 64-bit keyed hash
/// of address, user agent and site (and path) under the day's salt. Rows of past days are deleted
/// with the salt, so nothing links a visitor across days and no address is stored.
/// </summary>
public sealed class VisitorMark
{
    public DateOnly Day { get; set; }
    public long Key { get; set; }
}

/// <summary>The day's random key for visitor hashes, shared by every node and deleted when the day is over.</summary>
public sealed class VisitSalt
{
    public DateOnly Day { get; set; }
    public byte[] Salt { get; set; } = [];
}
