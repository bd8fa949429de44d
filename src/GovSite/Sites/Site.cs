namespace GovSite.Sites;

public class Site
{
    public int Id { get; set; }

    /// <summary>网站标识码: see <see cref="SiteCode"/> for the format rules.</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public SiteType Type { get; set; }
    public SiteLevel Level { get; set; }
    public SiteStatus Status { get; set; } = SiteStatus.Applied;
    public int? ParentId { get; set; }
    public Site? Parent { get; set; }
    public int RegionId { get; set; }
    public Region? Region { get; set; }
    public int? CompetentUnitId { get; set; }
    public Organisation? CompetentUnit { get; set; }
    public int? HostUnitId { get; set; }
    public Organisation? HostUnit { get; set; }
    public int? OperatorUnitId { get; set; }
    public Organisation? OperatorUnit { get; set; }

    /// <summary>ICP备案号, e.g. 粤ICP备05070829号.</summary>
    public string? IcpNumber { get; set; }

    /// <summary>公安机关备案号, e.g. 粤公网安备 44010402000001号.</summary>
    public string? PoliceRecordNumber { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }
    public string? Address { get; set; }
    public string? Description { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<SiteDomain> Domains { get; set; } = [];
}

public enum SiteType
{
    Portal,
    Department,
}

public enum SiteLevel
{
    Province,
    City,
    County,
}

/// <summary>Lifecycle: applied → approved → online; later migrating, temporarily offline or closed.</summary>
public enum SiteStatus
{
    Applied,
    Approved,
    Online,
    Migrating,
    Offline,
    Closed,
}

public class SiteDomain
{
    public int Id { get; set; }
    public int SiteId { get; set; }

    /// <summary>Host name in Unicode, lower case (xn-- forms are decoded before storing).</summary>
    public string Host { get; set; } = "";
    public bool IsMain { get; set; }
}
