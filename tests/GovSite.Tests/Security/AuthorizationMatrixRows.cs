using GovSite.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Security;

/// <summary>
/// Real rows of a site for the matrix's route values: an endpoint with <c>{id}</c> is asked for a
/// row of site A and one of site B, so "editor of A opens B's message" is a request the matrix
/// makes. Rows are found (the demo region has them) by the endpoint's path; rows that belong to no
/// site (regions, users' own pages, synonyms) take the first row there is.
/// </summary>
public static class AuthorizationMatrixRows
{
    /// <summary>The name under which a row's query string goes (without the "?").</summary>
    public const string Query = "?";

    /// <summary>The name under which a row's JSON body goes (instead of the matrix's <c>{}</c>).</summary>
    public const string Body = "{}";

    /// <summary>The route values of each endpoint on a site; a missing key means the endpoint has no site-owned row.</summary>
    public static Task<Dictionary<string, Dictionary<string, string>>> FindAsync(GovSiteFactory app, MatrixSite site, AuthorizationMatrixCast cast) =>
        app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var values = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
            static string S(int? id) => id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0";

            var item = await db.LibraryItems.IgnoreQueryFilters().Where(i => i.OwnerSiteId == site.Id).OrderBy(i => i.Id).Select(i => (int?)i.Id).FirstOrDefaultAsync();
            var itemVersion = await db.ItemVersions.IgnoreQueryFilters().Where(v => v.ItemId == item).OrderBy(v => v.Number).Select(v => (int?)v.Number).FirstOrDefaultAsync();
            var article = await db.Articles.IgnoreQueryFilters().Where(a => a.SiteId == site.Id).OrderBy(a => a.Id).Select(a => (int?)a.Id).FirstOrDefaultAsync();
            var column = await db.Columns.IgnoreQueryFilters().Where(c => c.SiteId == site.Id).OrderBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync();
            var message = await db.Messages.IgnoreQueryFilters().Where(m => m.SiteId == site.Id).OrderBy(m => m.Id).Select(m => (int?)m.Id).FirstOrDefaultAsync();
            var request = await db.InformationRequests.IgnoreQueryFilters().Where(r => r.SiteId == site.Id).OrderBy(r => r.Id).Select(r => new { r.Id, r.Number }).FirstOrDefaultAsync();
            var report = await db.ErrorReports.IgnoreQueryFilters().Where(r => r.SiteId == site.Id).OrderBy(r => r.Id).Select(r => new { r.Id, r.Number }).FirstOrDefaultAsync();
            var placement = await db.PlacementRequests.IgnoreQueryFilters().Where(p => p.SiteId == site.Id).OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync();
            var reprint = await db.ReprintOrders.IgnoreQueryFilters().Where(o => o.IssuerSiteId == site.Id).OrderBy(o => o.Id).Select(o => (int?)o.Id).FirstOrDefaultAsync();
            var consultation = await db.Consultations.IgnoreQueryFilters().Where(x => x.SiteId == site.Id).OrderBy(x => x.Id).Select(x => (int?)x.Id).FirstOrDefaultAsync();
            var survey = await db.Surveys.IgnoreQueryFilters().Where(x => x.SiteId == site.Id).OrderBy(x => x.Id).Select(x => (int?)x.Id).FirstOrDefaultAsync();
            var interview = await db.Interviews.IgnoreQueryFilters().Where(x => x.SiteId == site.Id).OrderBy(x => x.Id).Select(x => (int?)x.Id).FirstOrDefaultAsync();
            var service = await db.ServiceItems.IgnoreQueryFilters().Where(x => x.SiteId == site.Id).OrderBy(x => x.Id).Select(x => (int?)x.Id).FirstOrDefaultAsync();
            var importSource = await db.ServiceImportSources.IgnoreQueryFilters().Where(x => x.SiteId == site.Id).OrderBy(x => x.Id).Select(x => (int?)x.Id).FirstOrDefaultAsync();
            var importRun = await db.ServiceImportRuns.IgnoreQueryFilters().Where(x => x.SourceId == importSource).OrderBy(x => x.Id).Select(x => (int?)x.Id).FirstOrDefaultAsync();
            var qualityList = await db.QualityLists.IgnoreQueryFilters().Where(x => x.SiteId == site.Id).OrderBy(x => x.Id).Select(x => (int?)x.Id).FirstOrDefaultAsync();
            var searchAnswer = await db.SearchAnswers.IgnoreQueryFilters().Where(x => x.SiteId == site.Id).OrderBy(x => x.Id).Select(x => (int?)x.Id).FirstOrDefaultAsync();
            var topic = await db.SpecialTopics.IgnoreQueryFilters().Where(x => x.SiteId == site.Id).OrderBy(x => x.Id).Select(x => (int?)x.Id).FirstOrDefaultAsync();
            // Supervision's rows belong to a region (and often a site): the supervisor of A's region sees A's.
            var assessment = await db.Assessments.IgnoreQueryFilters().Where(x => x.SiteId == site.Id || x.RegionId == site.RegionId).OrderBy(x => x.Id).Select(x => (int?)x.Id).FirstOrDefaultAsync();
            var rectification = await db.RectificationOrders.IgnoreQueryFilters().Where(x => x.SiteId == site.Id || x.RegionId == site.RegionId).OrderBy(x => x.Id).Select(x => (int?)x.Id).FirstOrDefaultAsync();
            var counterfeit = await db.CounterfeitCases.IgnoreQueryFilters().Where(x => x.ImitatedSiteId == site.Id || x.RegionId == site.RegionId).OrderBy(x => x.Id).Select(x => (int?)x.Id).FirstOrDefaultAsync();
            var spotCheck = await db.SpotCheckRounds.IgnoreQueryFilters().Where(x => x.RegionId == site.RegionId).OrderBy(x => x.Id).Select(x => (int?)x.Id).FirstOrDefaultAsync();
            var newMedia = await db.NewMediaAccounts.IgnoreQueryFilters().Where(x => x.SiteId == site.Id || x.RegionId == site.RegionId).OrderBy(x => x.Id).Select(x => (int?)x.Id).FirstOrDefaultAsync();
            var monitored = await db.MonitoredSites.IgnoreQueryFilters().Where(x => x.SiteId == site.Id).OrderBy(x => x.Id).Select(x => (int?)x.Id).FirstOrDefaultAsync();
            var run = await db.CheckRuns.IgnoreQueryFilters().Where(x => x.MonitoredSiteId == monitored).OrderBy(x => x.Id).Select(x => (int?)x.Id).FirstOrDefaultAsync();
            var organisation = await db.Organisations.IgnoreQueryFilters().Where(x => x.RegionId == site.RegionId).OrderBy(x => x.Id).Select(x => (int?)x.Id).FirstOrDefaultAsync();
            var published = await db.Articles.IgnoreQueryFilters().Where(a => a.SiteId == site.Id && a.Status == GovSite.Publishing.ArticleStatus.Published)
                .OrderBy(a => a.Id).Select(a => (int?)a.Id).FirstOrDefaultAsync();
            var homeColumn = await db.LibraryItems.IgnoreQueryFilters().Where(i => i.Id == item).Select(i => (int?)i.HomeColumnId).FirstOrDefaultAsync();
            var staged = cast.Staged[site];
            static string Json(object body) => System.Text.Json.JsonSerializer.Serialize(body);
            var versions = $"from={itemVersion}&to={itemVersion}";
            var file = await db.StoredFiles.IgnoreQueryFilters().Where(x => x.SiteId == site.Id).OrderBy(x => x.Id).Select(x => (int?)x.Id).FirstOrDefaultAsync();
            var (victim, grant) = cast.Victims[site];

            void Add(string key, params (string Name, object? Value)[] parts)
            {
                if (parts.Any(p => p.Value is null))
                {
                    return;
                }
                values[key] = parts.ToDictionary(p => p.Name, p => p.Value is int i ? S(i) : p.Value!.ToString()!, StringComparer.OrdinalIgnoreCase);
            }
            foreach (var key in AuthorizationRules.Table.Keys)
            {
                var path = key[(key.IndexOf(' ') + 1)..];
                switch (path)
                {
                    // Query strings and bodies that pass validation, so the allowed roles get past it.
                    case "/api/v1/items/{id:int}/diff" or "/admin/library/{id:int}/diff": Add(key, ("id", item), (Query, versions)); break;
                    case "/api/v1/items/{id:int}/approve": Add(key, ("id", staged.ItemToApprove)); break;
                    case "/api/v1/items/{id:int}/reject": Add(key, ("id", staged.ItemToReject), (Body, Json(new { comment = "矩阵退回：请补充出处。" }))); break;
                    case "/api/v1/items/{id:int}/placements": Add(key, ("id", item), (Body, Json(new { siteCode = site.Code, columnId = homeColumn }))); break;
                    case "/api/v1/items/{id:int}/restore": Add(key, ("id", item), (Body, Json(new { version = itemVersion }))); break;
                    case "/api/v1/items": Add(key, (Body, Json(new { siteCode = site.Code, columnId = homeColumn, title = "矩阵新稿件", body = "<p>矩阵新稿件正文。</p>" }))); break;
                    case "/api/v1/columns/{id:int}/subscriptions": Add(key, ("id", column), (Body, Json(new { sourceColumnId = column }))); break;
                    case "/api/v1/placement-requests/{id:int}/accept": Add(key, ("id", placement), (Body, Json(new { columnId = column }))); break;
                    // Registers of the supervisor's own region (site A's) from either site's row: these rules are not site-scoped.
                    case "/api/v1/accountability":
                        Add(key, (Body, Json(new { region = cast.SiteA.RegionCode, unitName = "矩阵局", personName = "矩阵", date = "2026-03-05", finding = "抽查不合格", form = "talk", decidedBy = "县政府办公室" })));
                        break;
                    case "/api/v1/counterfeits":
                        Add(key, (Body, Json(new { url = "http://matrix-fake.example.com/", imitates = cast.SiteA.Code, description = "矩阵：冒用县政府网站的名称和标识" })));
                        break;
                    case "/account/save": Add(key, (Query, $"kind=Article&target={published}")); break;
                    case "/account/subscribe": Add(key, (Query, $"kind=Column&target={column}")); break;
                    // The migration endpoints close their source: a small site of the same region's, planned to move into this one.
                    case "/api/v1/sites/{code}/migration/proof" or "/api/v1/sites/{code}/migration/complete" or "/admin/supervision/sites/{code}/migration/proof.csv":
                        Add(key, ("code", staged.MigrationSourceCode)); break;
                    case var p when p.StartsWith("/api/v1/items/{id:int}/versions/{number", StringComparison.Ordinal): Add(key, ("id", item), ("number", itemVersion)); break;
                    case var p when p.StartsWith("/api/v1/items/{id", StringComparison.Ordinal) || p.StartsWith("/admin/library/{id", StringComparison.Ordinal): Add(key, ("id", item)); break;
                    case var p when p.StartsWith("/api/v1/articles/{id", StringComparison.Ordinal) || p.StartsWith("/admin/articles/{id", StringComparison.Ordinal) || p.StartsWith("/articles/{id", StringComparison.Ordinal): Add(key, ("id", article)); break;
                    case var p when p.StartsWith("/api/v1/sites/{code}/columns/{id", StringComparison.Ordinal) || p.StartsWith("/api/v1/columns/{id", StringComparison.Ordinal) || p.StartsWith("/columns/{id", StringComparison.Ordinal): Add(key, ("id", column)); break;
                    case var p when p.StartsWith("/admin/messages/{id", StringComparison.Ordinal) || p.StartsWith("/interaction/messages/{id", StringComparison.Ordinal): Add(key, ("id", message)); break;
                    case var p when p.StartsWith("/api/v1/information-requests/{number}", StringComparison.Ordinal): Add(key, ("number", request?.Number)); break;
                    case var p when p.StartsWith("/admin/disclosure/requests/{id", StringComparison.Ordinal): Add(key, ("id", request?.Id)); break;
                    case var p when p.StartsWith("/api/v1/error-reports/{number}", StringComparison.Ordinal): Add(key, ("number", report?.Number)); break;
                    case var p when p.StartsWith("/admin/error-reports/{id", StringComparison.Ordinal): Add(key, ("id", report?.Id)); break;
                    case var p when p.StartsWith("/api/v1/placement-requests/{id", StringComparison.Ordinal): Add(key, ("id", placement)); break;
                    case var p when p.StartsWith("/api/v1/reprint-orders/{id", StringComparison.Ordinal): Add(key, ("id", reprint)); break;
                    case var p when p.StartsWith("/admin/sites/{siteId:int}/consultations/", StringComparison.Ordinal) || p.StartsWith("/consultations/{id", StringComparison.Ordinal): Add(key, ("siteId", site.Id), ("id", consultation)); break;
                    case var p when p.StartsWith("/admin/sites/{siteId:int}/surveys/", StringComparison.Ordinal) || p.StartsWith("/surveys/{id", StringComparison.Ordinal): Add(key, ("siteId", site.Id), ("id", survey)); break;
                    case var p when p.StartsWith("/admin/sites/{siteId:int}/interviews/", StringComparison.Ordinal) || p.StartsWith("/interviews/{id", StringComparison.Ordinal): Add(key, ("siteId", site.Id), ("id", interview)); break;
                    case var p when p.StartsWith("/admin/sites/{siteId", StringComparison.Ordinal): Add(key, ("siteId", site.Id)); break;
                    case var p when p.StartsWith("/admin/sites/{id", StringComparison.Ordinal) || p.StartsWith("/admin/supervision/lifecycle/{id", StringComparison.Ordinal): Add(key, ("id", site.Id), ("columnId", column)); break;
                    case var p when p.StartsWith("/admin/services/import/runs/{id", StringComparison.Ordinal): Add(key, ("id", importRun)); break;
                    case var p when p.StartsWith("/admin/services/import/sources/{id", StringComparison.Ordinal): Add(key, ("id", importSource)); break;
                    case var p when p.StartsWith("/admin/services/{id", StringComparison.Ordinal): Add(key, ("id", service)); break;
                    case var p when p.StartsWith("/admin/quality/lists/{id", StringComparison.Ordinal): Add(key, ("id", qualityList)); break;
                    case var p when p.StartsWith("/admin/search/answers/{id", StringComparison.Ordinal): Add(key, ("id", searchAnswer)); break;
                    case var p when p.StartsWith("/topics/{id", StringComparison.Ordinal): Add(key, ("id", topic)); break;
                    case var p when p.StartsWith("/api/v1/assessments/{id", StringComparison.Ordinal) || p.StartsWith("/admin/supervision/assessments/{id", StringComparison.Ordinal): Add(key, ("id", assessment)); break;
                    case var p when p.StartsWith("/api/v1/rectifications/{id", StringComparison.Ordinal) || p.StartsWith("/admin/supervision/rectifications/{id", StringComparison.Ordinal): Add(key, ("id", rectification)); break;
                    case var p when p.StartsWith("/api/v1/counterfeits/{id", StringComparison.Ordinal) || p.StartsWith("/admin/supervision/counterfeits/{id", StringComparison.Ordinal): Add(key, ("id", counterfeit)); break;
                    case var p when p.StartsWith("/api/v1/spot-checks/{id", StringComparison.Ordinal) || p.StartsWith("/admin/supervision/spot-checks/{id", StringComparison.Ordinal): Add(key, ("id", spotCheck)); break;
                    case var p when p.StartsWith("/api/v1/new-media/{id", StringComparison.Ordinal): Add(key, ("id", newMedia)); break;
                    case var p when p.StartsWith("/admin/monitoring/sites/{id", StringComparison.Ordinal): Add(key, ("id", monitored)); break;
                    case var p when p.StartsWith("/admin/monitoring/runs/{id", StringComparison.Ordinal): Add(key, ("id", run)); break;
                    case var p when p.StartsWith("/admin/organisations/{id", StringComparison.Ordinal): Add(key, ("id", organisation)); break;
                    case var p when p.StartsWith("/api/v1/users/{id", StringComparison.Ordinal) || p.StartsWith("/admin/users/{id", StringComparison.Ordinal): Add(key, ("id", victim), ("grantId", grant)); break;
                    case var p when p.StartsWith("/files/{id", StringComparison.Ordinal): Add(key, ("id", file)); break;
                }
            }
            return values;
        });
}
