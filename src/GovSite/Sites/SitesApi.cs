using GovSite.Accounts;
using GovSite.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Sites;

public static class SitesApi
{
    public sealed record SiteDto(string Code, string Name, SiteType Type, SiteLevel Level, SiteStatus Status,
        string? Parent, string Region, string? HostUnit, string[] Domains, string? MainDomain, string Url,
        string? IcpNumber, string? PoliceRecordNumber, string? CodeWarning);

    public sealed record RegionDto(int Id, string Code, string Name, RegionLevel Level, string? ParentCode);

    public sealed record OrganisationDto(int Id, string Name, string RegionCode, string? Phone, string? Address);

    public static WebApplicationBuilder AddSites(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SiteDirectory>();
        builder.Services.AddScoped<SiteChanges>();
        builder.Services.AddScoped<ISiteChangeFollower, SiteDirectoryFollower>();
        builder.Services.AddSingleton<SiteChangeListener>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SiteChangeListener>());
        builder.Services.AddScoped<SiteService>();
        builder.Services.AddScoped<RegistryService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapSites(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Sites");
        api.MapGet("/sites", ListSitesAsync).WithSummary("全部网站")
            .WithDescription("平台上的全部网站：网站标识码、名称、类型、级别、状态、主办单位、域名和备案信息。公开接口。");
        api.MapGet("/sites/{code}", GetSiteAsync)
            .WithSummary("查看网站")
            .WithDescription("按网站标识码返回一个网站的登记信息。公开接口。");
        api.MapPost("/sites", CreateSiteAsync).RequireAuthorization(AccountsSetup.Writer, AccountsSetup.Supervising)
            .WithSummary("登记网站")
            .WithDescription("登记新网站并按网站类型建立标准栏目；网站标识码须符合国家规则（前 6 位为地区代码）。平台管理员或本地区的监管人员可以登记。");
        api.MapPut("/sites/{code}", UpdateSiteAsync).RequireAuthorization(AccountsSetup.Writer)
            .WithSummary("修改网站登记信息")
            .WithDescription("修改网站的名称、域名、主办单位、备案号等登记信息。须登录。");
        api.MapGet("/regions", async (GovSiteDb db) => TypedResults.Ok(await db.Regions.AsNoTracking()
            .OrderBy(r => r.Code)
            .Select(r => new RegionDto(r.Id, r.Code, r.Name, r.Level, r.Parent == null ? null : r.Parent.Code))
            .ToListAsync()))
            .WithSummary("全部地区")
            .WithDescription("平台上的行政区划：代码、名称、级别和上级地区代码。公开接口。");
        api.MapPost("/regions", async (RegionInput input, RegistryService registry) =>
                ApiResults.From(await registry.SaveRegionAsync(null, input), r => new RegionDto(r.Id, r.Code, r.Name, r.Level, input.ParentCode)))
            .RequireAuthorization(AccountsSetup.Writer)
            .WithSummary("新增地区")
            .WithDescription("新增一个行政区划，code 为 6 位或 9 位区划代码，parentCode 为上级地区。须登录。");
        api.MapGet("/organisations", async (GovSiteDb db) => TypedResults.Ok(await db.Organisations.AsNoTracking()
            .OrderBy(o => o.Id)
            .Select(o => new OrganisationDto(o.Id, o.Name, o.Region!.Code, o.Phone, o.Address))
            .ToListAsync()))
            .WithSummary("全部主办单位")
            .WithDescription("网站的主办单位：名称、所在地区、电话和地址。公开接口。");
        api.MapPost("/organisations", async (OrganisationInput input, RegistryService registry) =>
                ApiResults.From(await registry.SaveOrganisationAsync(null, input), o => new OrganisationDto(o.Id, o.Name, input.RegionCode, o.Phone, o.Address)))
            .RequireAuthorization(AccountsSetup.Writer)
            .WithSummary("新增主办单位")
            .WithDescription("新增一个网站主办单位，regionCode 为所在地区代码。须登录。");
        return app;
    }

    private static async Task<Ok<List<SiteDto>>> ListSitesAsync(GovSiteDb db, HttpRequest request)
    {
        var sites = await QuerySites(db).ToListAsync();
        return TypedResults.Ok(sites.Select(s => ToDto(s, request)).ToList());
    }

    private static async Task<Results<Ok<SiteDto>, NotFound>> GetSiteAsync(string code, GovSiteDb db, HttpRequest request)
    {
        var site = await QuerySites(db).FirstOrDefaultAsync(s => s.Code == code);
        return site is null ? TypedResults.NotFound() : TypedResults.Ok(ToDto(site, request));
    }

    private static async Task<Results<Ok<SiteDto>, ValidationProblem, NotFound, ForbidHttpResult>> CreateSiteAsync(
        SiteInput input, SiteService sites, GovSiteDb db, HttpRequest request)
    {
        var result = await sites.CreateAsync(input);
        return ApiResults.From(result, s => ToDto(QuerySites(db).First(x => x.Id == s.Id), request));
    }

    private static async Task<Results<Ok<SiteDto>, ValidationProblem, NotFound, ForbidHttpResult>> UpdateSiteAsync(
        string code, SiteInput input, SiteService sites, GovSiteDb db, HttpRequest request)
    {
        var id = await db.Sites.Where(s => s.Code == code).Select(s => (int?)s.Id).FirstOrDefaultAsync();
        if (id is null)
        {
            return TypedResults.NotFound();
        }
        var result = await sites.UpdateAsync(id.Value, input);
        return ApiResults.From(result, s => ToDto(QuerySites(db).First(x => x.Id == s.Id), request));
    }

    private static IQueryable<Site> QuerySites(GovSiteDb db) =>
        db.Sites.AsNoTracking().Include(s => s.Domains).Include(s => s.Region).Include(s => s.Parent).Include(s => s.HostUnit).OrderBy(s => s.Id);

    public static string PlatformUrl(HttpRequest request, string siteCode) =>
        $"{request.Scheme}://{request.Host}/sites/{siteCode}/";

    private static SiteDto ToDto(Site s, HttpRequest request) => new(
        s.Code, s.Name, s.Type, s.Level, s.Status, s.Parent?.Code, s.Region!.Code, s.HostUnit?.Name,
        [.. s.Domains.OrderByDescending(d => d.IsMain).ThenBy(d => d.Id).Select(d => d.Host)],
        s.Domains.FirstOrDefault(d => d.IsMain)?.Host,
        PlatformUrl(request, s.Code), s.IcpNumber, s.PoliceRecordNumber,
        SiteCode.Check(s.Code, s.Region.Code).Warning);
}
