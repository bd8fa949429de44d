namespace GovSite.PublicSite.Topics;

/// <summary>
/// 专题专栏: a campaign or theme with its own landing page. Its columns are an ordinary column
/// subtree (root of type Topic), so articles are written and published as anywhere else.
/// Closing keeps every page reachable and marks it archived; only the banners go.
/// </summary>
public class SpecialTopic
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public string Name { get; set; } = "";
    public string? Summary { get; set; }
    public string? BannerUrl { get; set; }
    public int ColumnId { get; set; }
    public DateTime OpenedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public bool IsClosed => ClosedAt is not null;
}
