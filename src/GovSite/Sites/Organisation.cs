namespace GovSite.Sites;

/// <summary>
/// A government body. The same organisation can be the competent (主管), host (主办) or
/// operator (承办) unit of different sites, so the role lives on the site, not here.
/// </summary>
public class Organisation
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public int RegionId { get; set; }
    public Region? Region { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
}
