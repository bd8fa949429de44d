using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace GovSite.Admin;

/// <summary>
/// Every page whose address is under /admin requires a signed-in user, whichever feature folder
/// it lives in: one rule, applied once, so a new feature's back office cannot ship public by
/// mistake. The sign-in and access-denied pages are the only exceptions, by [AllowAnonymous].
/// What a signed-in person may do on a page is still decided by the page (SiteAccess).
/// </summary>
public sealed class AdminAuthorization : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        var underAdmin = model.ActionDescriptor.AttributeRouteInfo?.Template is { } t
            && (t.Equals("admin", StringComparison.OrdinalIgnoreCase) || t.StartsWith("admin/", StringComparison.OrdinalIgnoreCase));
        var anonymous = model.HandlerTypeAttributes.OfType<IAllowAnonymous>().Any();
        if (underAdmin && !anonymous && !model.EndpointMetadata.OfType<IAuthorizeData>().Any())
        {
            model.EndpointMetadata.Add(new AuthorizeAttribute());
        }
    }
}
