using Microsoft.AspNetCore.Http.Extensions;

namespace GovSite.Admin;

/// <summary>Page numbers for a list; links keep the list's other query parameters.</summary>
public sealed record Pager(int Page, int PageSize, int Total, string Path, IQueryCollection Query)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public int Skip => (Page - 1) * PageSize;

    public static int Clamp(int? page) => Math.Max(page ?? 1, 1);

    public string Link(int page)
    {
        var q = new QueryBuilder(Query.Where(kv => kv.Key != "page").SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string>(kv.Key, v ?? ""))));
        q.Add("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Path + q.ToQueryString();
    }
}
