namespace GovSite.Tests.Security;

/// <summary>
/// The columns of the authorization matrix: who sends the request. Staff roles are the grant
/// model's (<see cref="GovSite.Accounts.Role"/>), each granted on site A only; the supervisor on
/// site A's region; the platform administrator everywhere.
/// </summary>
[Flags]
public enum Roles
{
    None = 0,
    Anonymous = 1 << 0,

    /// <summary>A signed-in citizen (千人千网 个人中心), no staff role.</summary>
    Citizen = 1 << 1,

    /// <summary>信息员/撰稿: writes and submits.</summary>
    Contributor = 1 << 2,
    Editor = 1 << 3,
    Reviewer = 1 << 4,

    /// <summary>保密审查员.</summary>
    SecrecyReviewer = 1 << 5,
    SiteAdmin = 1 << 6,

    /// <summary>监管: the sites of a region and every region below it.</summary>
    Supervisor = 1 << 7,
    PlatformAdmin = 1 << 8,

    /// <summary>Every role held on a site.</summary>
    SiteStaff = Contributor | Editor | Reviewer | SecrecyReviewer | SiteAdmin,

    /// <summary>Every signed-in staff user.</summary>
    Staff = SiteStaff | Supervisor | PlatformAdmin,
    Everyone = Anonymous | Citizen | Staff,
}

/// <summary>
/// What an endpoint lets each role do. <paramref name="Roles"/> may use it on their own site;
/// when <paramref name="SiteScoped"/>, on another site only the platform administrator may (the
/// others are refused, or answered 404: rows of other sites are hidden by the query filters, which
/// is the project's deliberate answer). <paramref name="NotRequested"/> says why the matrix does
/// not send the request at all.
/// </summary>
public sealed record Rule(Roles Roles, bool SiteScoped = false, string? NotRequested = null)
{
    public static Rule Public { get; } = new(Roles.Everyone);

    public static Rule NotRequestedBecause(string why) => new(Roles.None, NotRequested: why);

    public bool Allows(Roles role, bool ownSite) =>
        (Roles & role) != 0 && (ownSite || !SiteScoped || role == Roles.PlatformAdmin);

    public override string ToString() =>
        NotRequested is not null ? "not requested" : $"{Roles}{(SiteScoped ? ", own site only" : "")}";
}

/// <summary>The one table: every endpoint of the app and who may use it. The table is the spec.</summary>
public static class AuthorizationRules
{
    private static Rule NotRequested(string why) => Rule.NotRequestedBecause(why);

    private static readonly Rule Public = Rule.Public;

    public static readonly Dictionary<string, Rule> Table = new(StringComparer.Ordinal)
    {
        ["ANY /health/live"] = Public,
        ["ANY /health/ready"] = Public,
        ["ANY /healthz"] = Public,
        ["ANY /metrics"] = NotRequested("limited by network, not sign-in: loopback and GOVSITE_METRICS_ALLOW"),
        ["DELETE /api/v1/users/{id:int}/grants/{grantId:int}"] = new(Roles.PlatformAdmin),
        ["GET /admin/messages/{id:int}/attachment"] = new(Roles.Staff, SiteScoped: true), // a published message's attachment was open to every site's staff (hole fixed)
        ["GET /admin/monitoring/runs/{id:int}/report.json"] = new(Roles.SiteAdmin | Roles.Supervisor | Roles.PlatformAdmin, SiteScoped: true),
        ["GET /admin/supervision/desk.pdf"] = new(Roles.Staff),
        ["GET /admin/supervision/desk.xlsx"] = new(Roles.Staff),
        ["GET /admin/supervision/sites/{code}/migration/proof.csv"] = new(Roles.Supervisor | Roles.PlatformAdmin, SiteScoped: true),
        ["GET /api/v1/articles/{id:int}"] = Public,
        ["GET /api/v1/assessments/{id:int}"] = new(Roles.Staff, SiteScoped: true),
        ["GET /api/v1/calendar/add-working-days"] = Public,
        ["GET /api/v1/calendar/working-days"] = Public,
        ["GET /api/v1/counterfeits"] = new(Roles.Staff),
        ["GET /api/v1/error-reports/{number}"] = Public,
        ["GET /api/v1/indicators"] = Public,
        ["GET /api/v1/information-requests/{number}"] = Public,
        ["GET /api/v1/information-requests/{number}/files/{id:int}"] = Public,
        ["GET /api/v1/information-requests/{number}/letters/{id:int}.pdf"] = Public,
        ["GET /api/v1/items/{id:int}"] = new(Roles.Staff), // the shared library: another site's published item is readable for placement; unpublished ones are hidden by the query filter
        ["GET /api/v1/items/{id:int}/diff"] = new(Roles.Staff, SiteScoped: true), // asked with ?from=&to= of a real version; another site's caller meets 404 before a missing one is named
        ["GET /api/v1/items/{id:int}/history"] = new(Roles.Staff, SiteScoped: true), // was open to every site's staff (hole fixed)
        ["GET /api/v1/items/{id:int}/versions"] = new(Roles.Staff, SiteScoped: true),
        ["GET /api/v1/items/{id:int}/versions/{number:int}"] = new(Roles.Staff, SiteScoped: true),
        ["GET /api/v1/messages/{ticket}"] = Public,
        ["GET /api/v1/new-media"] = new(Roles.Staff),
        ["GET /api/v1/organisations"] = Public,
        ["GET /api/v1/rectifications"] = new(Roles.Staff),
        ["GET /api/v1/regions"] = Public,
        ["GET /api/v1/regions/{code}/accountability"] = new(Roles.Supervisor | Roles.PlatformAdmin, SiteScoped: true),
        ["GET /api/v1/regions/{code}/desk"] = new(Roles.Supervisor | Roles.PlatformAdmin, SiteScoped: true),
        ["GET /api/v1/regions/{code}/error-reports/figures"] = new(Roles.Supervisor | Roles.PlatformAdmin, SiteScoped: true),
        ["GET /api/v1/regions/{code}/supervision-report/{year:int}"] = Public,
        ["GET /api/v1/regions/{code}/supervision-report/{year:int}.pdf"] = Public,
        ["GET /api/v1/regions/{code}/supervision-report/{year:int}.xlsx"] = Public,
        ["GET /api/v1/reprint-orders/{id:int}"] = new(Roles.Staff, SiteScoped: true), // the issuing site's staff and supervisors follow it, as they read its items; ordering is the editor's
        ["GET /api/v1/search/"] = Public,
        ["GET /api/v1/search/suggest"] = Public,
        ["GET /api/v1/services/{code}"] = Public,
        ["GET /api/v1/services/{code}/ratings/summary"] = Public,
        ["GET /api/v1/sites"] = Public,
        ["GET /api/v1/sites/{code}"] = Public,
        ["GET /api/v1/sites/{code}/annual-report/{year:int}"] = Public,
        ["GET /api/v1/sites/{code}/annual-report/{year:int}.pdf"] = Public,
        ["GET /api/v1/sites/{code}/annual-report/{year:int}.xlsx"] = Public,
        ["GET /api/v1/sites/{code}/articles"] = new(Roles.Staff), // another site's published articles only (query filter)
        ["GET /api/v1/sites/{code}/columns"] = Public,
        ["GET /api/v1/sites/{code}/columns/{id:int}/articles"] = Public,
        ["GET /api/v1/sites/{code}/disclosure/annual-report/{year:int}"] = Public,
        ["GET /api/v1/sites/{code}/disclosure/annual-report/{year:int}.pdf"] = Public,
        ["GET /api/v1/sites/{code}/disclosure/annual-report/{year:int}.xlsx"] = Public,
        ["GET /api/v1/sites/{code}/disclosure/catalogue"] = Public,
        ["GET /api/v1/sites/{code}/disclosure/catalogue.csv"] = Public,
        ["GET /api/v1/sites/{code}/disclosure/catalogue.xlsx"] = Public,
        ["GET /api/v1/sites/{code}/disclosure/guide"] = Public,
        ["GET /api/v1/sites/{code}/disclosure/statutory"] = new(Roles.Staff, SiteScoped: true),
        ["GET /api/v1/sites/{code}/error-reports"] = new(Roles.Staff, SiteScoped: true),
        ["GET /api/v1/sites/{code}/faq/suggest"] = Public,
        ["GET /api/v1/sites/{code}/information-requests"] = new(Roles.Staff, SiteScoped: true),
        ["GET /api/v1/sites/{code}/interaction/figures"] = new(Roles.Staff, SiteScoped: true),
        ["GET /api/v1/sites/{code}/look-alikes"] = new(Roles.Supervisor | Roles.PlatformAdmin, SiteScoped: true),
        ["GET /api/v1/sites/{code}/migration/proof"] = new(Roles.Supervisor | Roles.PlatformAdmin, SiteScoped: true),
        ["GET /api/v1/sites/{code}/placement-requests"] = new(Roles.Staff, SiteScoped: true),
        ["GET /api/v1/sites/{code}/scores"] = new(Roles.Staff), // supervision scores are published (年度报表)
        ["GET /api/v1/sites/{code}/services"] = Public,
        ["GET /api/v1/sites/{code}/todo"] = new(Roles.Staff, SiteScoped: true),
        ["GET /api/v1/sites/{code}/visits"] = new(Roles.Staff, SiteScoped: true),
        ["GET /api/v1/spot-checks/{id:int}"] = new(Roles.PlatformAdmin, SiteScoped: true), // the demo's rows are the province's: the county's supervisor and site staff see none (404)
        ["GET /api/v1/spot-checks/{id:int}/notice"] = new(Roles.PlatformAdmin, SiteScoped: true), // the demo's rows are the province's: the county's supervisor and site staff see none (404)
        ["GET /api/v1/spot-checks/{id:int}/notice.pdf"] = new(Roles.PlatformAdmin, SiteScoped: true), // the demo's rows are the province's: the county's supervisor and site staff see none (404)
        ["GET /api/v1/users/"] = new(Roles.PlatformAdmin),
        ["GET /api/v1/users/{id:int}"] = new(Roles.PlatformAdmin),
        ["GET /columns/{id:int}/rss.xml"] = Public,
        ["GET /files/{id:int}/{**name}"] = Public,
        ["GET /interviews/{id:int}/live"] = NotRequested("a long-lived stream (Server-Sent Events)"),
        ["GET /openapi/{documentName}.json"] = Public,
        ["GET /robots.txt"] = Public,
        ["GET /services/rss.xml"] = Public,
        ["GET /services/{code}/documents/{id:int}/{name}"] = Public,
        ["GET /sitemap.xml"] = Public,
        ["GET /{**path:file}"] = Public,
        ["PAGE /"] = Public,
        // A citizen's account is the platform's, not a site's: under /sites/{code}/ addressing its cookie
        // (path /) serves every site; on sites with hosts of their own the browser keeps it per host.
        ["PAGE /account"] = new(Roles.Citizen),
        ["PAGE /account/delete"] = new(Roles.Citizen),
        ["PAGE /account/register"] = Public,
        ["GET /disclosure/subjects/{subject}/rss.xml"] = Public,
        ["GET /topics/{id:int}/rss.xml"] = Public,
        ["PAGE /account/save"] = new(Roles.Citizen), // asked for a published article of the site; the account is the platform's (above)
        ["PAGE /account/signin"] = Public,
        ["PAGE /account/subscribe"] = new(Roles.Citizen), // asked for a column of the site; the account is the platform's (above)
        ["PAGE /admin"] = new(Roles.Staff),
        ["PAGE /admin/alerts"] = new(Roles.Staff),
        ["PAGE /admin/annual-reports"] = new(Roles.Staff),
        ["PAGE /admin/annual-reports/{code}/{year:int}"] = new(Roles.Staff, SiteScoped: true),
        ["PAGE /admin/articles/{id:int}/edit"] = new(Roles.Staff, SiteScoped: true),
        ["PAGE /admin/audit"] = new(Roles.PlatformAdmin),
        ["PAGE /admin/calendar"] = new(Roles.PlatformAdmin),
        ["PAGE /admin/denied"] = NotRequested("the refusal page itself: 403 to everyone by design"),
        ["PAGE /admin/disclosure/requests/{id:int}"] = new(Roles.Staff, SiteScoped: true), // read by the site's staff and supervisors, as the list (RequestService.FindAsync); handling steps are the editor's
        ["PAGE /admin/error-reports/{id:int}"] = new(Roles.Staff, SiteScoped: true), // read by the site's staff and supervisors, as the list; answering is the editor's
        ["PAGE /admin/library/{id:int}"] = new(Roles.Staff, SiteScoped: true),
        ["PAGE /admin/library/{id:int}/diff"] = new(Roles.Staff, SiteScoped: true), // asked with ?from=&to= of a real version
        ["PAGE /admin/library/{id:int}/trail.csv"] = new(Roles.Staff, SiteScoped: true),
        ["PAGE /admin/login"] = Public,
        ["PAGE /admin/login/code"] = NotRequested("a step of signing in: its refusals answer wrong credentials"),
        ["PAGE /admin/login/two-factor"] = NotRequested("a step of signing in: its refusals answer wrong credentials"),
        ["PAGE /admin/logout"] = new(Roles.Staff),
        ["PAGE /admin/messages/{id:int}"] = new(Roles.Staff, SiteScoped: true), // was open to every site's staff (hole fixed)
        ["PAGE /admin/monitoring"] = new(Roles.Staff),
        ["PAGE /admin/monitoring/import"] = new(Roles.Supervisor | Roles.PlatformAdmin),
        ["PAGE /admin/monitoring/sites/new"] = new(Roles.Supervisor | Roles.PlatformAdmin),
        ["PAGE /admin/monitoring/sites/{id:int}"] = new(Roles.SiteAdmin | Roles.Supervisor | Roles.PlatformAdmin, SiteScoped: true),
        ["PAGE /admin/mourning"] = new(Roles.Supervisor | Roles.PlatformAdmin),
        ["PAGE /admin/notices"] = new(Roles.Staff),
        ["PAGE /admin/organisations/{id:int?}"] = new(Roles.Supervisor | Roles.PlatformAdmin, SiteScoped: true),
        ["PAGE /admin/outbox"] = new(Roles.PlatformAdmin),
        ["PAGE /admin/quality"] = new(Roles.Staff),
        ["PAGE /admin/quality/check"] = new(Roles.Staff),
        ["PAGE /admin/quality/links"] = new(Roles.PlatformAdmin),
        ["PAGE /admin/quality/lists/{id:int}"] = new(Roles.Staff),
        ["PAGE /admin/regions/{id:int?}"] = new(Roles.PlatformAdmin),
        ["PAGE /admin/search"] = new(Roles.Staff),
        ["PAGE /admin/search/answers/{id:int?}"] = new(Roles.PlatformAdmin),
        ["PAGE /admin/search/hot"] = new(Roles.SiteAdmin | Roles.PlatformAdmin),
        ["PAGE /admin/search/synonyms/{id:int?}"] = new(Roles.PlatformAdmin),
        ["PAGE /admin/services/import"] = new(Roles.Staff),
        ["PAGE /admin/services/import/runs/{id:int}"] = new(Roles.Staff, SiteScoped: true), // a run's report is read by whoever sees the source's site; running one is the site administrator's
        ["PAGE /admin/services/import/sources/{id:int?}"] = new(Roles.PlatformAdmin, SiteScoped: true),
        ["PAGE /admin/services/{id:int}"] = new(Roles.Staff, SiteScoped: true),
        ["PAGE /admin/sites"] = new(Roles.Staff),
        ["PAGE /admin/sites/new"] = new(Roles.Supervisor | Roles.PlatformAdmin),
        ["PAGE /admin/sites/{id:int}/articles"] = new(Roles.Staff, SiteScoped: true),
        ["PAGE /admin/sites/{id:int}/articles/new"] = new(Roles.Staff), // a redirect to library/new, which checks the site
        ["PAGE /admin/sites/{id:int}/columns/{columnId:int?}"] = new(Roles.Staff, SiteScoped: true),
        ["PAGE /admin/sites/{id:int}/disclosure"] = new(Roles.Staff, SiteScoped: true),
        ["PAGE /admin/sites/{id:int}/disclosure/reports"] = new(Roles.Staff, SiteScoped: true),
        ["PAGE /admin/sites/{id:int}/disclosure/requests"] = new(Roles.Staff, SiteScoped: true),
        ["PAGE /admin/sites/{id:int}/disclosure/requests/new"] = new(Roles.Editor | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["PAGE /admin/sites/{id:int}/edit"] = new(Roles.SiteAdmin | Roles.Supervisor | Roles.PlatformAdmin, SiteScoped: true),
        ["PAGE /admin/sites/{id:int}/error-reports"] = new(Roles.Staff, SiteScoped: true),
        ["PAGE /admin/sites/{id:int}/interaction"] = new(Roles.Staff, SiteScoped: true),
        ["PAGE /admin/sites/{id:int}/library"] = new(Roles.Staff, SiteScoped: true),
        ["PAGE /admin/sites/{id:int}/library/requests"] = new(Roles.Staff, SiteScoped: true),
        ["PAGE /admin/sites/{id:int}/library/settings"] = new(Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["PAGE /admin/sites/{id:int}/messages"] = new(Roles.Staff, SiteScoped: true),
        ["PAGE /admin/sites/{id:int}/quality"] = new(Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["PAGE /admin/sites/{id:int}/services"] = new(Roles.Staff, SiteScoped: true),
        ["PAGE /admin/sites/{id:int}/services/new"] = new(Roles.Contributor | Roles.Editor | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["PAGE /admin/sites/{id:int}/services/ratings"] = new(Roles.Staff, SiteScoped: true),
        ["PAGE /admin/sites/{id:int}/theme"] = new(Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["PAGE /admin/sites/{id:int}/todo"] = new(Roles.Staff, SiteScoped: true),
        ["PAGE /admin/sites/{id:int}/topics"] = new(Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["PAGE /admin/sites/{siteId:int}/consultations/edit/{id:int?}"] = new(Roles.Editor | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["PAGE /admin/sites/{siteId:int}/consultations/{id:int}"] = new(Roles.Staff, SiteScoped: true),
        ["PAGE /admin/sites/{siteId:int}/interviews/edit/{id:int?}"] = new(Roles.Editor | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["PAGE /admin/sites/{siteId:int}/interviews/{id:int}"] = new(Roles.Staff, SiteScoped: true),
        ["PAGE /admin/sites/{siteId:int}/library/new"] = new(Roles.Staff, SiteScoped: true),
        ["PAGE /admin/sites/{siteId:int}/participation"] = new(Roles.Staff, SiteScoped: true),
        ["PAGE /admin/sites/{siteId:int}/surveys/edit/{id:int?}"] = new(Roles.Editor | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["PAGE /admin/sites/{siteId:int}/surveys/{id:int}"] = new(Roles.Staff, SiteScoped: true),
        ["PAGE /admin/supervision"] = new(Roles.Supervisor | Roles.PlatformAdmin),
        ["PAGE /admin/supervision-reports/{code}/{year:int}"] = new(Roles.Supervisor | Roles.PlatformAdmin, SiteScoped: true),
        ["PAGE /admin/supervision/accountability"] = new(Roles.Supervisor | Roles.PlatformAdmin),
        ["PAGE /admin/supervision/assessments/{id:int}"] = new(Roles.Staff, SiteScoped: true),
        ["PAGE /admin/supervision/counterfeits"] = new(Roles.Supervisor | Roles.PlatformAdmin),
        ["PAGE /admin/supervision/counterfeits/{id:int}"] = new(Roles.PlatformAdmin, SiteScoped: true), // the demo's rows are the province's: the county's supervisor and site staff see none (404)
        ["PAGE /admin/supervision/indicators"] = new(Roles.Staff),
        ["PAGE /admin/supervision/lifecycle"] = new(Roles.Staff),
        ["PAGE /admin/supervision/lifecycle/{id:int}"] = new(Roles.SiteAdmin | Roles.Supervisor | Roles.PlatformAdmin, SiteScoped: true),
        ["PAGE /admin/supervision/new-media"] = new(Roles.Supervisor | Roles.PlatformAdmin),
        ["PAGE /admin/supervision/rectifications"] = new(Roles.Staff),
        ["PAGE /admin/supervision/rectifications/{id:int}"] = new(Roles.PlatformAdmin, SiteScoped: true), // the demo's rows are the province's: the county's supervisor and site staff see none (404)
        ["PAGE /admin/supervision/spot-checks"] = new(Roles.Supervisor | Roles.PlatformAdmin),
        ["PAGE /admin/supervision/spot-checks/{id:int}"] = new(Roles.PlatformAdmin, SiteScoped: true), // the demo's rows are the province's: the county's supervisor and site staff see none (404)
        ["PAGE /admin/supervision/translations"] = new(Roles.Staff),
        ["PAGE /admin/taxonomy"] = new(Roles.Staff),
        ["PAGE /admin/users"] = new(Roles.PlatformAdmin),
        ["PAGE /admin/users/{id:int}"] = new(Roles.PlatformAdmin),
        ["PAGE /admin/visits"] = new(Roles.Staff),
        ["PAGE /annual-reports"] = Public,
        ["PAGE /annual-reports/{year:int}"] = Public,
        ["PAGE /articles/{id:int}"] = Public,
        ["PAGE /columns/{id:int}"] = Public,
        ["PAGE /columns/{id:int}/page/{pageNumber:int}"] = Public,
        ["PAGE /consultations/{id:int}"] = Public,
        ["PAGE /disclosure"] = Public,
        ["PAGE /disclosure/apply"] = Public,
        ["PAGE /disclosure/catalogue"] = Public,
        ["PAGE /disclosure/guide"] = Public,
        ["PAGE /disclosure/lookup"] = Public,
        ["PAGE /disclosure/reports/{year:int?}"] = Public,
        ["PAGE /error-reports/lookup"] = Public,
        ["PAGE /error-reports/new"] = Public,
        ["PAGE /interaction"] = Public,
        ["PAGE /interaction/lookup"] = Public,
        ["PAGE /interaction/messages/{id:int}"] = Public,
        ["PAGE /interaction/write"] = Public,
        ["PAGE /interviews/{id:int}"] = Public,
        ["PAGE /interviews/{id:int}/transcript"] = Public,
        ["PAGE /participation"] = Public,
        ["PAGE /search"] = Public,
        ["PAGE /services"] = Public,
        ["PAGE /services/{code}"] = Public,
        ["PAGE /services/{code}/rate"] = Public,
        ["PAGE /services/{kind:regex(^(for|theme|life|business|department)$)}/{value}/{pageNumber:int?}"] = Public,
        ["PAGE /supervision-reports/{year:int}"] = Public,
        ["PAGE /supervision/notices"] = Public,
        ["PAGE /supervision/notices/{id:int}/{handler?}"] = Public,
        ["PAGE /surveys/{id:int}"] = Public,
        ["PAGE /surveys/{id:int}/results"] = Public,
        ["PAGE /topics"] = Public,
        ["PAGE /topics/{id:int}"] = Public,
        ["PAGE /unsubscribe/{token}"] = Public,
        ["POST /admin/sites/{siteId:int}/files"] = new(Roles.Contributor | Roles.Editor | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true), // the site is checked before the form is read; the matrix sends a small PDF
        ["POST /api/v1/accountability"] = new(Roles.Supervisor | Roles.PlatformAdmin), // the role is checked before the body is read (policy Supervising)
        ["POST /api/v1/articles/{id:int}/withdraw"] = new(Roles.Editor | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/assessments/{id:int}/entries"] = new(Roles.Supervisor | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/assessments/{id:int}/reviews"] = new(Roles.Supervisor | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/assessments/{id:int}/sign"] = new(Roles.Supervisor | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/auth/token"] = NotRequested("a step of signing in: its refusals answer wrong credentials"),
        ["POST /api/v1/columns/{id:int}/subscriptions"] = new(Roles.Editor | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/counterfeits"] = new(Roles.Supervisor | Roles.PlatformAdmin), // the role is checked before the body is read (policy Supervising)
        ["POST /api/v1/counterfeits/{id:int}/steps"] = new(Roles.PlatformAdmin, SiteScoped: true), // the demo's rows are the province's: the county's supervisor and site staff see none (404)
        ["POST /api/v1/error-reports/import"] = new(Roles.Staff), // any staff user may send a file; each line is entered only on a site they may record for (ErrorReportsTests: another site's line is refused by its line number)
        ["POST /api/v1/error-reports/{number}/forward"] = new(Roles.Editor | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/error-reports/{number}/reply"] = new(Roles.Editor | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/information-requests/{number}/answer"] = new(Roles.Editor | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/information-requests/{number}/assign"] = new(Roles.Editor | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/information-requests/{number}/close"] = new(Roles.Editor | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/information-requests/{number}/correction"] = new(Roles.Editor | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/information-requests/{number}/correction-received"] = new(Roles.Editor | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/information-requests/{number}/extend"] = new(Roles.Editor | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/information-requests/{number}/fee"] = new(Roles.Editor | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/information-requests/{number}/fee-paid"] = new(Roles.Editor | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/information-requests/{number}/fee-waived"] = new(Roles.Editor | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/information-requests/{number}/third-party"] = new(Roles.Editor | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/information-requests/{number}/third-party-opinion"] = new(Roles.Editor | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/items"] = new(Roles.Contributor | Roles.Editor | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/items/{id:int}/approve"] = new(Roles.Reviewer | Roles.SecrecyReviewer | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true), // asked for an item in review; the reviewing role is checked before its state or the comment
        ["POST /api/v1/items/{id:int}/discard-revision"] = new(Roles.Editor | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/items/{id:int}/placements"] = new(Roles.Editor | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/items/{id:int}/publish"] = new(Roles.Editor | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/items/{id:int}/reject"] = new(Roles.Reviewer | Roles.SecrecyReviewer | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true), // asked for an item in review; the reviewing role is checked before its state or the comment
        ["POST /api/v1/items/{id:int}/reprint-orders"] = new(Roles.Editor | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/items/{id:int}/restore"] = new(Roles.Editor | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/items/{id:int}/submit"] = new(Roles.Contributor | Roles.Editor | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/items/{id:int}/urgent"] = new(Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/items/{id:int}/withdraw"] = new(Roles.Editor | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/new-media"] = new(Roles.Supervisor | Roles.PlatformAdmin), // the role is checked before the body is read (policy Supervising)
        ["POST /api/v1/new-media/{id:int}/figures"] = new(Roles.Supervisor | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/organisations"] = new(Roles.Supervisor | Roles.PlatformAdmin),
        ["POST /api/v1/placement-requests/{id:int}/accept"] = new(Roles.Editor | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/placement-requests/{id:int}/decline"] = new(Roles.Editor | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/quality/check"] = new(Roles.Staff),
        ["POST /api/v1/rectifications/{id:int}/responses"] = new(Roles.PlatformAdmin, SiteScoped: true), // the demo's rows are the province's: the county's supervisor and site staff see none (404)
        ["POST /api/v1/regions"] = new(Roles.Supervisor | Roles.PlatformAdmin),
        ["POST /api/v1/regions/{code}/supervision-report/{year:int}/approve"] = new(Roles.PlatformAdmin, SiteScoped: true), // the demo's rows are the province's: the county's supervisor and site staff see none (404)
        ["POST /api/v1/regions/{code}/supervision-report/{year:int}/return"] = new(Roles.PlatformAdmin, SiteScoped: true), // the demo's rows are the province's: the county's supervisor and site staff see none (404)
        ["POST /api/v1/regions/{code}/supervision-report/{year:int}/submit"] = new(Roles.Supervisor | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/services/import"] = new(Roles.SiteAdmin | Roles.PlatformAdmin), // who administers no site is refused before the body is read; which source is checked after
        ["POST /api/v1/services/{code}/ratings"] = Public,
        ["POST /api/v1/services/{code}/uses"] = Public,
        ["POST /api/v1/sites"] = new(Roles.Supervisor | Roles.PlatformAdmin), // the role is checked before the body is read (policy Supervising)
        ["POST /api/v1/sites/{code}/annual-report/{year:int}/approve"] = new(Roles.Supervisor | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/sites/{code}/annual-report/{year:int}/return"] = new(Roles.Supervisor | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/sites/{code}/annual-report/{year:int}/submit"] = new(Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/sites/{code}/articles"] = new(Roles.Contributor | Roles.Editor | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/sites/{code}/close"] = new(Roles.Supervisor | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/sites/{code}/columns"] = new(Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/sites/{code}/disclosure/annual-report/{year:int}/publish"] = new(Roles.Editor | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/sites/{code}/error-reports"] = Public,
        ["POST /api/v1/sites/{code}/error-reports/national"] = new(Roles.Editor | Roles.SiteAdmin | Roles.Supervisor | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/sites/{code}/files"] = new(Roles.Contributor | Roles.Editor | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true), // the site is checked before the form is read; the matrix sends a small PDF
        ["POST /api/v1/sites/{code}/information-requests"] = Public,
        ["POST /api/v1/sites/{code}/information-requests/recorded"] = new(Roles.Editor | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/sites/{code}/look-alikes/scan"] = new(Roles.Supervisor | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/sites/{code}/messages"] = Public,
        ["POST /api/v1/sites/{code}/migration"] = new(Roles.Supervisor | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/sites/{code}/migration/complete"] = new(Roles.Supervisor | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/sites/{code}/offline"] = new(Roles.SiteAdmin | Roles.Supervisor | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/sites/{code}/online"] = new(Roles.SiteAdmin | Roles.Supervisor | Roles.PlatformAdmin, SiteScoped: true),
        ["POST /api/v1/spot-checks"] = new(Roles.Supervisor | Roles.PlatformAdmin), // the role is checked before the body is read (policy Supervising)
        ["POST /api/v1/spot-checks/{id:int}/close"] = new(Roles.PlatformAdmin, SiteScoped: true), // the demo's rows are the province's: the county's supervisor and site staff see none (404)
        ["POST /api/v1/spot-checks/{id:int}/notice"] = new(Roles.PlatformAdmin, SiteScoped: true), // the demo's rows are the province's: the county's supervisor and site staff see none (404)
        ["POST /api/v1/spot-checks/{id:int}/notice.pdf"] = new(Roles.PlatformAdmin, SiteScoped: true), // the demo's rows are the province's: the county's supervisor and site staff see none (404)
        ["POST /api/v1/spot-checks/{id:int}/notice/publish"] = new(Roles.PlatformAdmin, SiteScoped: true), // the demo's rows are the province's: the county's supervisor and site staff see none (404)
        ["POST /api/v1/stat"] = Public,
        ["POST /api/v1/users/"] = new(Roles.PlatformAdmin),
        ["POST /api/v1/users/{id:int}/activate"] = new(Roles.PlatformAdmin),
        ["POST /api/v1/users/{id:int}/deactivate"] = new(Roles.PlatformAdmin),
        ["POST /api/v1/users/{id:int}/grants"] = new(Roles.PlatformAdmin),
        ["POST /unsubscribe/{token}/one-click"] = Public,
        ["PUT /api/v1/articles/{id:int}"] = new(Roles.Editor | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["PUT /api/v1/items/{id:int}"] = new(Roles.Editor | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["PUT /api/v1/regions/{code}/supervision-report/{year:int}/"] = new(Roles.Supervisor | Roles.PlatformAdmin, SiteScoped: true),
        ["PUT /api/v1/sites/{code}"] = new(Roles.SiteAdmin | Roles.Supervisor | Roles.PlatformAdmin, SiteScoped: true),
        ["PUT /api/v1/sites/{code}/annual-report/{year:int}/"] = new(Roles.Contributor | Roles.Editor | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["PUT /api/v1/sites/{code}/columns/{id:int}"] = new(Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
        ["PUT /api/v1/spot-checks/{id:int}/notice"] = new(Roles.PlatformAdmin, SiteScoped: true), // the demo's rows are the province's: the county's supervisor and site staff see none (404)
        ["PUT /api/v1/sites/{code}/disclosure/annual-report/{year:int}"] = new(Roles.Editor | Roles.SiteAdmin | Roles.PlatformAdmin, SiteScoped: true),
    };
}
