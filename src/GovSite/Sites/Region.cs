namespace GovSite.Sites;

/// <summary>An administrative division (GB/T 2260): province, city, county or township.</summary>
public class Region
{
    public int Id { get; set; }

    /// <summary>Six-digit division code, e.g. 440000 for Guangdong.</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public RegionLevel Level { get; set; }
    public int? ParentId { get; set; }
    public Region? Parent { get; set; }
}

public enum RegionLevel
{
    Province,
    City,
    County,
    Township,
}
