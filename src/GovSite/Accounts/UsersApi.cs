using GovSite.Data;
using GovSite.Sites;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Accounts;

/// <summary>
/// Users and their role grants for an integrator, as on the back office's 用户管理 pages: the
/// same UserService does the work, so the same rule (platform administrators only), the same
/// checks and the same audit entries hold whichever door a change comes through.
/// </summary>
public static class UsersApi
{
    /// <param name="Site">The site's code (网站标识码), for the roles of a site.</param>
    /// <param name="Region">The region's code, for a supervisor.</param>
    public sealed record GrantDto(int Id, Role Role, string? Site, string? Region);

    public sealed record UserDto(int Id, string UserName, string DisplayName, string? Email, bool IsActive, bool LockedOut, IReadOnlyList<GrantDto> Grants);

    public sealed record NewUserBody(string? UserName, string? DisplayName, string? Password);

    /// <param name="Site">The site's code, for a site role (siteAdmin, editor, reviewer, contributor, confidentialityReviewer).</param>
    /// <param name="Region">The region's code, for supervisor.</param>
    public sealed record GrantBody(Role Role, string? Site, string? Region);

    public static IEndpointRouteBuilder MapUsers(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/users").WithTags("Users").RequireAuthorization(AccountsSetup.Writer);
        api.MapGet("", ListAsync)
            .WithSummary("列出全部用户及其角色")
            .WithDescription("平台管理员可用。按用户名排序，返回每个用户的姓名、是否启用、是否被锁定和所授角色（角色所在网站以网站标识码表示）。");
        api.MapGet("/{id:int}", GetAsync)
            .WithSummary("查看一个用户")
            .WithDescription("平台管理员可用。返回用户的资料和所授角色。");
        api.MapPost("", CreateAsync)
            .WithSummary("创建用户")
            .WithDescription("平台管理员可用，与管理后台“用户管理”相同的校验（用户名格式与唯一、姓名、密码强度）并记入审计日志。新用户没有任何角色，须另行授予。");
        api.MapPost("/{id:int}/deactivate", (int id, UserService users, GovSiteDb db, SiteDirectory sites, TimeProvider clock, CancellationToken ct) =>
                SetActiveAsync(id, false, users, db, sites, clock, ct))
            .WithSummary("停用用户")
            .WithDescription("平台管理员可用。停用后该用户的全部会话和令牌立即失效，不能再登录；不能停用自己。记入审计日志。");
        api.MapPost("/{id:int}/activate", (int id, UserService users, GovSiteDb db, SiteDirectory sites, TimeProvider clock, CancellationToken ct) =>
                SetActiveAsync(id, true, users, db, sites, clock, ct))
            .WithSummary("重新启用用户")
            .WithDescription("平台管理员可用。重新启用已停用的用户，记入审计日志。");
        api.MapPost("/{id:int}/grants", GrantAsync)
            .WithSummary("授予角色")
            .WithDescription("平台管理员可用。网站角色（siteAdmin、editor、reviewer、contributor、confidentialityReviewer）须以 site 指定网站标识码；supervisor 须以 region 指定地区代码；platformAdmin 不需要。该用户的会话随之失效，须重新登录。记入审计日志。");
        api.MapDelete("/{id:int}/grants/{grantId:int}", RevokeAsync)
            .WithSummary("撤销角色")
            .WithDescription("平台管理员可用。撤销一项角色授予；最后一位平台管理员的角色不能撤销。该用户的会话随之失效。记入审计日志。");
        return app;
    }

    private static async Task<Results<Ok<List<UserDto>>, ForbidHttpResult>> ListAsync(
        UserService users, GovSiteDb db, SiteDirectory sites, TimeProvider clock, CancellationToken ct)
    {
        if (!users.CanManage)
        {
            return TypedResults.Forbid();
        }
        var list = await db.Users.AsNoTracking().Include(u => u.Grants).OrderBy(u => u.UserName).ToListAsync(ct);
        var regions = await RegionCodesAsync(db, ct);
        return TypedResults.Ok(list.Select(u => ToDto(u, sites, regions, clock)).ToList());
    }

    private static async Task<Results<Ok<UserDto>, NotFound, ForbidHttpResult>> GetAsync(
        int id, UserService users, GovSiteDb db, SiteDirectory sites, TimeProvider clock, CancellationToken ct)
    {
        if (!users.CanManage)
        {
            return TypedResults.Forbid();
        }
        return await FindAsync(db, id, sites, clock, ct) is { } user ? TypedResults.Ok(user) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<UserDto>, ValidationProblem, NotFound, ForbidHttpResult>> CreateAsync(
        NewUserBody body, UserService users, GovSiteDb db, SiteDirectory sites, TimeProvider clock, CancellationToken ct)
    {
        var result = await users.CreateAsync(new NewUserInput { UserName = body.UserName ?? "", DisplayName = body.DisplayName ?? "", Password = body.Password ?? "" }, ct);
        return await MapAsync(result, u => u.Id, db, sites, clock, ct);
    }

    private static async Task<Results<Ok<UserDto>, ValidationProblem, NotFound, ForbidHttpResult>> SetActiveAsync(
        int id, bool active, UserService users, GovSiteDb db, SiteDirectory sites, TimeProvider clock, CancellationToken ct) =>
        await MapAsync(await users.SetActiveAsync(id, active, ct), u => u.Id, db, sites, clock, ct);

    private static async Task<Results<Ok<UserDto>, ValidationProblem, NotFound, ForbidHttpResult>> GrantAsync(
        int id, GrantBody body, UserService users, GovSiteDb db, SiteDirectory sites, TimeProvider clock, CancellationToken ct)
    {
        var input = new GrantInput { Role = body.Role };
        var errors = new ValidationErrors();
        if (!string.IsNullOrWhiteSpace(body.Site))
        {
            if (sites.FindByCode(body.Site.Trim()) is { } site)
            {
                input.SiteId = site.Id;
            }
            else
            {
                errors.Add("site", $"site：网站标识码 {body.Site.Trim()} 不存在");
            }
        }
        if (!string.IsNullOrWhiteSpace(body.Region))
        {
            var code = body.Region.Trim();
            input.RegionId = await db.Regions.Where(r => r.Code == code).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
            if (input.RegionId is null)
            {
                errors.Add("region", $"region：地区代码 {code} 不存在");
            }
        }
        if (!errors.IsValid && users.CanManage)
        {
            return await MapAsync(SaveResult<User>.Invalid(errors), u => u.Id, db, sites, clock, ct);
        }
        var result = await users.GrantAsync(id, input, ct);
        // The service names the ids the back-office form sends; the API takes codes.
        return await MapAsync(Renamed(result), _ => id, db, sites, clock, ct);
    }

    private static async Task<Results<Ok<UserDto>, ValidationProblem, NotFound, ForbidHttpResult>> RevokeAsync(
        int id, int grantId, UserService users, GovSiteDb db, SiteDirectory sites, TimeProvider clock, CancellationToken ct) =>
        await MapAsync(await users.RevokeAsync(id, grantId, ct), _ => id, db, sites, clock, ct);

    private static SaveResult<RoleGrant> Renamed(SaveResult<RoleGrant> result)
    {
        if (result.Errors.IsValid)
        {
            return result;
        }
        var errors = new ValidationErrors();
        foreach (var (field, messages) in result.Errors.All)
        {
            var name = field switch { "SiteId" => "site", "RegionId" => "region", _ => field };
            foreach (var message in messages)
            {
                errors.Add(name, message);
            }
        }
        return result with { Errors = errors };
    }

    /// <summary>A write's outcome as the API answers it: the user as it now is, or why not.</summary>
    private static async Task<Results<Ok<UserDto>, ValidationProblem, NotFound, ForbidHttpResult>> MapAsync<T>(
        SaveResult<T> result, Func<T, int> userId, GovSiteDb db, SiteDirectory sites, TimeProvider clock, CancellationToken ct)
        where T : class
    {
        if (!result.Succeeded)
        {
            var refused = ApiResults.From(result, _ => (UserDto)null!);
            return refused.Result switch
            {
                ValidationProblem v => v,
                NotFound n => n,
                _ => TypedResults.Forbid(),
            };
        }
        return await FindAsync(db, userId(result.Value!), sites, clock, ct) is { } user ? TypedResults.Ok(user) : TypedResults.NotFound();
    }

    private static async Task<UserDto?> FindAsync(GovSiteDb db, int id, SiteDirectory sites, TimeProvider clock, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Include(u => u.Grants).FirstOrDefaultAsync(u => u.Id == id, ct);
        return user is null ? null : ToDto(user, sites, await RegionCodesAsync(db, ct), clock);
    }

    private static Task<Dictionary<int, string>> RegionCodesAsync(GovSiteDb db, CancellationToken ct) =>
        db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Code, ct);

    private static UserDto ToDto(User u, SiteDirectory sites, Dictionary<int, string> regions, TimeProvider clock) => new(
        u.Id, u.UserName, u.DisplayName, u.Email, u.IsActive, u.LockoutEnd > clock.GetUtcNow().UtcDateTime,
        [.. u.Grants.OrderBy(g => g.Id).Select(g => new GrantDto(g.Id, g.Role,
            g.SiteId is int s ? sites.FindById(s)?.Code : null,
            g.RegionId is int r ? regions.GetValueOrDefault(r) : null))]);
}
