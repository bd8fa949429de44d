using GovSite.Accounts;

namespace GovSite.Admin;

public sealed class DeniedModel(SiteAccess access) : AdminPageModel(access)
{
    // The cookie handler redirects a refusal here; the status says it too, for tools and tests.
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
