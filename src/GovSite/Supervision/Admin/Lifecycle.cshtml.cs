using GovSite.Accounts;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Supervision.Admin;

/// <summary>开办与关停: applications to open sites (any signed-in host unit applies, the competent supervisor decides) and the region's sites by status.</summary>
public sealed class LifecycleModel(SiteAccess access, GovSiteDb db, SiteLifecycle lifecycle) : SupervisionPage(access, db)
{
    public List<SiteApplication> Applications { get; private set; } = [];
    public List<Site> Sites { get; private set; } = [];
    public List<SelectListItem> Units { get; private set; } = [];
    public List<SelectListItem> AllRegions { get; private set; } = [];

    [BindProperty]
    public ApplyForm Input { get; set; } = new();

    [BindProperty]
    public string? Comment { get; set; }

    public sealed class ApplyForm
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public SiteType Type { get; set; } = SiteType.Department;
        public SiteLevel Level { get; set; } = SiteLevel.County;
        public string? RegionCode { get; set; }
        public int? HostUnitId { get; set; }
        public string? Domains { get; set; }
        public string? IcpNumber { get; set; }
        public string? PoliceRecordNumber { get; set; }
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string? region, CancellationToken ct)
    {
        await LoadAsync(region, ct);
        return Page();
    }

    private async Task LoadAsync(string? region, CancellationToken ct)
    {
        await LoadRegionsAsync(region, ct);
        var scope = Region is null ? [] : await RegionScope.WithDescendantsAsync(Db, Region.Id, ct);
        Applications = IsSupervisor
            ? await Db.SiteApplications.AsNoTracking().Where(a => scope.Contains(a.RegionId)).OrderByDescending(a => a.Id).Take(100).ToListAsync(ct)
            : await Db.SiteApplications.AsNoTracking().Where(a => a.AppliedBy == Access.UserName).OrderByDescending(a => a.Id).Take(100).ToListAsync(ct);
        Sites = IsSupervisor ? await Db.Sites.AsNoTracking().Where(s => scope.Contains(s.RegionId)).OrderBy(s => s.Code).ToListAsync(ct) : [];
        Units = await Db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync(ct);
        AllRegions = await Db.Regions.AsNoTracking().OrderBy(r => r.Code).Select(r => new SelectListItem(r.Code + " " + r.Name, r.Code)).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostApplyAsync(CancellationToken ct)
    {
        var domains = (Input.Domains ?? "").Split(['\n', ',', '，', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var result = await lifecycle.ApplyAsync(new SiteApplicationInput
        {
            Site = new SiteInput
            {
                Code = Input.Code ?? "", Name = Input.Name ?? "", Type = Input.Type, Level = Input.Level, RegionCode = Input.RegionCode ?? "",
                HostUnitId = Input.HostUnitId, CompetentUnitId = null, Domains = domains, MainDomain = domains.FirstOrDefault(),
                IcpNumber = Input.IcpNumber, PoliceRecordNumber = Input.PoliceRecordNumber,
            },
            Reason = Input.Reason,
        }, ct);
        if (Refusal(result) is { } refused)
        {
            return refused;
        }
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, nameof(Input), new Dictionary<string, string>
            {
                ["Site.Code"] = "Input.Code", ["Site.Name"] = "Input.Name", ["Site.RegionCode"] = "Input.RegionCode", ["Site.Domains"] = "Input.Domains",
            });
            await LoadAsync(null, ct);
            return Page();
        }
        Notice = "开办申请已提交，等待主管单位审批。";
        return LocalRedirect("/admin/supervision/lifecycle");
    }

    public async Task<IActionResult> OnPostDecideAsync(int application, bool approve, CancellationToken ct)
    {
        var result = await lifecycle.DecideAsync(application, approve, Comment, ct);
        if (Refusal(result) is { } refused)
        {
            return refused;
        }
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, "", new Dictionary<string, string> { ["Status"] = "", ["Comment"] = nameof(Comment) });
            await LoadAsync(null, ct);
            return Page();
        }
        Notice = approve ? "已批准，网站已登记（已审批），核对后可上线。" : "已退回申请。";
        return LocalRedirect("/admin/supervision/lifecycle");
    }
}
