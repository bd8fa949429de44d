using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Common;
using GovSite.Sites;

namespace GovSite.Accounts.Admin;

public static class GrantText
{
    /// <summary>"编辑（某某网站）": the role and where it applies.</summary>
    public static string Describe(RoleGrant grant, SiteDirectory directory, IReadOnlyDictionary<int, string> regionNames)
    {
        var where = grant.SiteId is int s ? directory.FindById(s)?.Name
            : grant.RegionId is int r ? regionNames.GetValueOrDefault(r)
            : null;
        return where is null ? Labels.Of(grant.Role) : $"{Labels.Of(grant.Role)}（{where}）";
    }
}
