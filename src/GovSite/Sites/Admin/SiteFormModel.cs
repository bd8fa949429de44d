using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Sites.Admin;

/// <summary>The site form shared by registration and editing.</summary>
public abstract class SiteFormModel(SiteAccess access, GovSiteDb db) : AdminPageModel(access)
{
    private static readonly Dictionary<string, string> Renamed = new()
    {
        [nameof(SiteInput.Domains)] = nameof(DomainLines),
    };

    [BindProperty]
    public SiteInput Input { get; set; } = new();

    /// <summary>The domains as typed: one per line.</summary>
    [BindProperty]
    public string? DomainLines { get; set; }

    public List<SelectListItem> RegionChoices { get; private set; } = [];
    public List<SelectListItem> UnitChoices { get; private set; } = [];

    /// <summary>A reviewable note about an unusual 网站标识码; never blocks saving.</summary>
    public string? CodeWarning { get; protected set; }

    public abstract string Heading { get; }

    protected GovSiteDb Db => db;

    /// <summary>Turns the form's fields into what the service expects.</summary>
    protected void PrepareInput()
    {
        Input.Code ??= "";
        Input.Name ??= "";
        Input.RegionCode ??= "";
        Input.Domains = [.. (DomainLines ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    protected void AddSiteErrors(ValidationErrors errors) => AddErrors(errors, nameof(Input), Renamed);

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        RegionChoices = await RegionOptions.ForAsync(db, Access, RegionOptionKind.All, ct, Input.RegionCode);
        var selected = new[] { Input.CompetentUnitId, Input.HostUnitId, Input.OperatorUnitId }.OfType<int>().ToArray();
        var units = db.Organisations.AsNoTracking();
        if (!Access.Unrestricted)
        {
            var regions = Access.RegionIds;
            units = units.Where(o => regions.Contains(o.RegionId) || selected.Contains(o.Id));
        }
        UnitChoices = await units.OrderBy(o => o.Region!.Code).ThenBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name + "（" + o.Region!.Name + "）", o.Id.ToString()))
            .ToListAsync(ct);
    }
}
