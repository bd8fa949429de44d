namespace GovSite.Accounts;

/// <summary>
/// What the current request may see and change, resolved once per request from the user's
/// role grants. The DbContext's query filters read it, so isolation holds in the query layer:
/// a query that forgets to check still cannot return another site's unpublished content.
/// The default (anonymous) sees only published content.
/// </summary>
public sealed class SiteAccess
{
    private readonly Dictionary<int, HashSet<Role>> _siteRoles = [];

    public int? UserId { get; private set; }
    public string? UserName { get; private set; }

    /// <summary>Platform admins and system work (CLI, background jobs, seeding).</summary>
    public bool Unrestricted { get; private set; }

    /// <summary>Sites whose unpublished content and settings this request may read.</summary>
    public int[] SiteIds { get; private set; } = [];

    /// <summary>Regions this user supervises: the granted regions and all regions below them.</summary>
    public int[] RegionIds { get; private set; } = [];

    public bool IsAuthenticated => UserId is not null || Unrestricted;

    public void BecomeSystem()
    {
        Unrestricted = true;
        UserName = "system";
    }

    internal void SetUser(int userId, string userName, bool platformAdmin,
        IEnumerable<(int SiteId, Role Role)> siteRoles, int[] regionIds, int[] supervisedSiteIds)
    {
        UserId = userId;
        UserName = userName;
        Unrestricted = platformAdmin;
        foreach (var (siteId, role) in siteRoles)
        {
            if (!_siteRoles.TryGetValue(siteId, out var roles))
            {
                _siteRoles[siteId] = roles = [];
            }
            roles.Add(role);
        }
        RegionIds = regionIds;
        SiteIds = [.. _siteRoles.Keys.Union(supervisedSiteIds)];
    }

    public bool HasRole(int siteId, Role role) =>
        Unrestricted || (_siteRoles.TryGetValue(siteId, out var roles) && roles.Contains(role));

    public bool CanSee(int siteId) => Unrestricted || SiteIds.Contains(siteId);

    /// <summary>Writing articles: editors and site admins (contributors submit through the workflow later).</summary>
    public bool CanEditContent(int siteId) =>
        HasRole(siteId, Role.SiteAdmin) || HasRole(siteId, Role.Editor) || HasRole(siteId, Role.Contributor);

    /// <summary>Columns and site settings.</summary>
    public bool CanAdministerSite(int siteId) => HasRole(siteId, Role.SiteAdmin);

    /// <summary>
    /// Registering sites and regions: platform admins, and supervisors within their regions
    /// (<see cref="RegionIds"/> already holds every region below a supervisor's grant).
    /// </summary>
    public bool CanRegisterIn(int regionId) => Unrestricted || RegionIds.Contains(regionId);

    public IEnumerable<int> SitesWithRole(params Role[] roles) =>
        _siteRoles.Where(kv => kv.Value.Overlaps(roles)).Select(kv => kv.Key);
}
