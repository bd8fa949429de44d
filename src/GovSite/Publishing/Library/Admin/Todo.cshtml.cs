using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Data;
using GovSite.Publishing.Library;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Publishing.Library.Admin;

/// <summary>The site's to-do list: policies waiting for an interpretation, placement requests and reprint orders.</summary>
public sealed class TodoModel(SiteAccess access, GovSiteDb db, SiteDirectory directory, TodoList todo) : LibraryPageModel(access, db, directory)
{
    public List<TodoList.Entry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (UseSite(id) is { } refused)
        {
            return refused;
        }
        Entries = await todo.ForSiteAsync(id, ct);
        return Page();
    }
}
